import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { listMail, MAIL_STATUSES, type MailStatus } from "@/lib/mail/outbox";
import { MailFilters, MailQueue } from "@/components/admin/mail-queue";
import { Notice } from "@/components/ui/notice";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  await requireAdmin();
  const params = await searchParams;
  const status = (MAIL_STATUSES as readonly string[]).includes(String(params.status)) ? (params.status as MailStatus) : undefined;
  const to = typeof params.to === "string" ? params.to.slice(0, 254) : undefined;
  const [t, tq, mails] = [await getTranslations("admin"), await getTranslations("mailQueue"), await listMail({ status, to })];
  return (
    <section className="card wide">
      <h1>{t("outbox")}</h1>
      <p>{t("outboxIntro")}</p>
      {!config().RESEND_API_KEY && <p>{tq("devIntro")}</p>}
      {params.retried === "1" && <Notice tone="success">{tq("retried")}</Notice>}
      <MailFilters status={status} to={to} />
      <MailQueue mails={mails} />
    </section>
  );
}
