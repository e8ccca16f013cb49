import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { listOutbox } from "@/lib/mail/send";
import { Card, Page } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("outbox") };
}

export default async function OutboxPage() {
  await requireAdmin();
  const [t, mails] = [await getTranslations("admin"), await listOutbox()];
  return (
    <Page width="full" title={t("outbox")} intro={t("outboxIntro")}>
      {mails.length === 0 && <p>{t("outboxEmpty")}</p>}
      {mails.map((m) => (
        <Card key={m.id} as="article" labelledBy={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} className="text-lg">{m.subject}</h2>
          <p className="text-sm text-muted">
            {t("to")}: <span data-value>{m.to}</span> · {t("sentAt")}: <LocalTime date={m.createdAt} />
          </p>
          <pre className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-surface-muted p-3 font-sans">{m.text}</pre>
        </Card>
      ))}
    </Page>
  );
}
