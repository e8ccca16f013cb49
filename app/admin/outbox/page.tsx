import { getFormatter, getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/guard";
import { listOutbox } from "@/lib/mail/send";

export default async function OutboxPage() {
  await requireAdmin();
  const [t, format, mails] = [await getTranslations("admin"), await getFormatter(), await listOutbox()];
  return (
    <section className="card wide">
      <h1>{t("outbox")}</h1>
      <p>{t("outboxIntro")}</p>
      {mails.length === 0 && <p>{t("outboxEmpty")}</p>}
      {mails.map((m) => (
        <article key={m.id} className="mail">
          <h2>{m.subject}</h2>
          <p>
            {t("to")}: {m.to} · {t("sentAt")}: {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
          </p>
          <pre>{m.text}</pre>
        </article>
      ))}
    </section>
  );
}
