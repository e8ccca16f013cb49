"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { retryMail, type RetryMailState } from "@/lib/actions/mail";
import { MAIL_STATUSES, SECRET_KINDS, type MailStatus } from "@/lib/mail/statuses";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

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
    <form method="get" action="/admin/outbox" role="search" aria-label={t("filters")} className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
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
      {mails.map((m) => {
        const status = (MAIL_STATUSES as readonly string[]).includes(m.status) ? (m.status as MailStatus) : "queued";
        return (
          <Card key={m.id} as="article" label={m.subject}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-lg min-w-0 [overflow-wrap:anywhere]">{m.subject}</h2>
              <Badge tone={status === "failed" ? "danger" : status === "sent" ? "success" : "warning"}>{t(`statuses.${status}`)}</Badge>
            </div>
            <DetailList
              items={[
                { label: t("recipient"), value: m.to },
                { label: t("kind"), value: m.kind },
                { label: t("status"), value: `${t(`statuses.${status}`)}${m.sentAt ? ` · ${time(m.sentAt)}` : ""}` },
                { label: t("created"), value: time(m.createdAt) },
                { label: t("attempts"), value: m.attempts },
                ...(m.lastError ? [{ label: t("lastError"), value: <code className="font-mono text-sm [overflow-wrap:anywhere]">{m.lastError}</code> }] : []),
                ...(m.status === "queued" ? [{ label: t("nextTry"), value: time(m.nextAttemptAt) }] : []),
              ]}
            />
            {m.status === "failed" && (SECRET_KINDS.includes(m.kind) ? <p>{t("secretNoRetry")}</p> : <RetryButton mail={m} />)}
            <details>
              <summary className="cursor-pointer font-medium">{t("body")}</summary>
              <pre className="mt-2 whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-surface-muted p-3 font-sans">{m.text}</pre>
            </details>
          </Card>
        );
      })}
    </>
  );
}

function RetryButton({ mail }: { mail: QueuedMail }) {
  const t = useTranslations("mailQueue");
  const te = useTranslations();
  const [state, action, pending] = useActionState<RetryMailState, FormData>(retryMail, {});
  return (
    <form action={action} className="space-y-2">
      {state.error && <Notice tone="error">{te(state.error)}</Notice>}
      <input type="hidden" name="messageId" value={mail.id} />
      <Button variant="secondary" disabled={pending} aria-label={t("retryLabel", { subject: mail.subject, to: mail.to })}>{t("retry")}</Button>
    </form>
  );
}
