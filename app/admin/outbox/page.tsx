import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { listMail, MAIL_STATUSES, type MailStatus } from "@/lib/mail/outbox";
import { MailFilters, MailQueue } from "@/components/admin/mail-queue";
import { Page } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("outbox") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  await requireAdmin();
  const params = await searchParams;
  const status = (MAIL_STATUSES as readonly string[]).includes(String(params.status)) ? (params.status as MailStatus) : undefined;
  const to = typeof params.to === "string" ? params.to.slice(0, 254) : undefined;
  const [t, tq, mails] = [await getTranslations("admin"), await getTranslations("mailQueue"), await listMail({ status, to })];
  return (
    <Page width="full" title={t("outbox")} intro={t("outboxIntro")}>
      {!config().RESEND_API_KEY && <p>{tq("devIntro")}</p>}
      {params.retried === "1" && <Notice tone="success">{tq("retried")}</Notice>}
      <MailFilters status={status} to={to} />
      <MailQueue mails={mails} />
    </Page>
  );
}
