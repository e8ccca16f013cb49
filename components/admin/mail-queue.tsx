"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { retryMail, type RetryMailState } from "@/lib/actions/mail";
import { MAIL_STATUSES, SECRET_KINDS, type MailStatus } from "@/lib/mail/statuses";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import styles from "./admin.module.css";
import { Select } from "./form-controls";

export type QueuedMail = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  text: string;
};

/** Plain GET form: the filter lives in the address. */
export function MailFilters({ status, to }: { status?: MailStatus; to?: string }) {
  const t = useTranslations("mailQueue");
  const options = [{ value: "", label: t("any") }, ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))];
  return (
    <form method="get" action="/admin/outbox" role="search" aria-label={t("filters")} className={styles.filters}>
      <Field id="to" name="to" type="search" label={t("recipient")} defaultValue={to} maxLength={254} autoComplete="off" />
      <Select id="status" name="status" label={t("status")} defaultValue={status ?? ""} options={options} />
      <Button>{t("show")}</Button>
    </form>
  );
}

/** The outbox's messages: state, attempts, last error, next try; a failed one can be sent again. */
export function MailQueue({ mails }: { mails: QueuedMail[] }) {
  const t = useTranslations("mailQueue");
  const format = useFormatter();
  const time = (d: Date) => `${format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })} UTC`;
  return (
    <>
      <p role="status">{t("shown", { count: mails.length })}</p>
      {mails.map((m) => (
        <article key={m.id} className="mail" aria-label={m.subject}>
          <h2>{m.subject}</h2>
          <dl className={styles.small}>
            <dt>{t("recipient")}</dt>
            <dd>{m.to}</dd>
            <dt>{t("kind")}</dt>
            <dd>{m.kind}</dd>
            <dt>{t("status")}</dt>
            <dd>{t(`statuses.${(MAIL_STATUSES as readonly string[]).includes(m.status) ? (m.status as MailStatus) : "queued"}`)}{m.sentAt ? ` · ${time(m.sentAt)}` : ""}</dd>
            <dt>{t("created")}</dt>
            <dd>{time(m.createdAt)}</dd>
            <dt>{t("attempts")}</dt>
            <dd>{m.attempts}</dd>
            {m.lastError && (
              <>
                <dt>{t("lastError")}</dt>
                <dd className={styles.code}>{m.lastError}</dd>
              </>
            )}
            {m.status === "queued" && (
              <>
                <dt>{t("nextTry")}</dt>
                <dd>{time(m.nextAttemptAt)}</dd>
              </>
            )}
          </dl>
          {m.status === "failed" && (SECRET_KINDS.includes(m.kind) ? <p>{t("secretNoRetry")}</p> : <RetryButton mail={m} />)}
          <details>
            <summary>{t("body")}</summary>
            <pre>{m.text}</pre>
          </details>
        </article>
      ))}
    </>
  );
}

function RetryButton({ mail }: { mail: QueuedMail }) {
  const t = useTranslations("mailQueue");
  const te = useTranslations();
  const [state, action, pending] = useActionState<RetryMailState, FormData>(retryMail, {});
  return (
    <form action={action}>
      {state.error && <Notice tone="error">{te(state.error)}</Notice>}
      <input type="hidden" name="messageId" value={mail.id} />
      <Button variant="secondary" disabled={pending} aria-label={t("retryLabel", { subject: mail.subject, to: mail.to })}>{t("retry")}</Button>
    </form>
  );
}
