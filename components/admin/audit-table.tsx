import Link from "next/link";
import { useTranslations } from "next-intl";
import { auditSentence, eventLabelKey, type AuditLine } from "@/lib/admin/audit";
import { describeClient } from "@/lib/auth/user-agent";
import { DataTable, type Column, type Pagination } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";

/** Audit events as sentences in the reader's language, times in the reader's zone; `caption` names the table. */
export function AuditTable({ events, caption, showAccount = true, pagination }: { events: AuditLine[]; caption: string; showAccount?: boolean; pagination?: Pagination }) {
  const t = useTranslations("console.audit");
  const te = useTranslations("console.events");
  const ts = useTranslations("console.sentences");
  const tk = useTranslations("console.reset.checks");
  const tc = useTranslations("console.common");
  const label = (event: string) => (te.has(eventLabelKey(event)) ? te(eventLabelKey(event)) : event);
  const who = (email: string | null, id: string | null) => (email && id ? <Link href={`/admin/users/${id}`}>{email}</Link> : (id ?? tc("none")));
  const sentence = (e: AuditLine) => {
    const s = auditSentence(e);
    // "Confirmed with the password and a passkey.", after what happened, or alone.
    const confirmed = s.confirmedWith && t(`confirmedWith.${s.confirmedWith}`);
    if (!ts.has(s.key)) return confirmed || null;
    // Mid-sentence, after "Reset by Ana:": "called back on a number on file, identity document seen".
    const checks = s.checks?.map((c) => (tk.has(c as "other") ? tk(c as "other") : c)).join(", ").replace(/^\p{Lu}/u, (first) => first.toLocaleLowerCase());
    return (
      <>
        {ts(s.key, { ...s.values, checks: checks ?? "" })}
        {s.reason && <> <q className="italic">{s.reason}</q></>}
        {confirmed && <> {confirmed}</>}
      </>
    );
  };
  const browser = (ua: string | null) => {
    const { browser: name, system } = describeClient(ua);
    if (!name) return ua ? <span title={ua}>{tc("unknownBrowser")}</span> : tc("none");
    return <span title={ua ?? undefined}>{system ? t("browserOn", { browser: name, os: system }) : name}</span>;
  };
  const columns: Column<AuditLine>[] = [
    { key: "time", header: t("time"), cell: (e) => <LocalTime date={e.createdAt} /> },
    {
      key: "event",
      header: t("event"),
      className: "min-w-64",
      cell: (e) => (
        <>
          <span className="font-semibold">{label(e.event)}</span>
          <br />
          <span>{sentence(e)}</span>
        </>
      ),
    },
    ...(showAccount ? [{ key: "account", header: t("account"), cell: (e: AuditLine) => who(e.userEmail, e.userId) }] : []),
    { key: "actor", header: t("actor"), cell: (e) => (e.actorId ? who(e.actorEmail, e.actorId) : tc("none")) },
    { key: "browser", header: t("browser"), cell: (e) => browser(e.userAgent) },
    { key: "ip", header: t("ip"), cell: (e) => <span data-value>{e.ip ?? tc("none")}</span> },
  ];
  return <DataTable columns={columns} rows={events} rowKey={(e) => e.id} caption={caption} pagination={pagination} empty={t("empty")} />;
}
