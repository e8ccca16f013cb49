import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { eventLabelKey, type AuditLine } from "@/lib/admin/audit";
import styles from "./admin.module.css";

/** Audit events as a table, times in UTC; `caption` names it for screen readers. */
export function AuditTable({ events, caption, showAccount = true }: { events: AuditLine[]; caption: string; showAccount?: boolean }) {
  const t = useTranslations("console.audit");
  const te = useTranslations("console.events");
  const tc = useTranslations("console.common");
  const format = useFormatter();
  const label = (event: string) => (te.has(eventLabelKey(event)) ? te(eventLabelKey(event)) : event);
  const who = (email: string | null, id: string | null) => (email && id ? <Link href={`/admin/users/${id}`}>{email}</Link> : (id ?? tc("none")));
  if (!events.length) return <p>{t("empty")}</p>;
  return (
    <div className={styles.scroll} role="region" aria-label={tc("scroll", { name: caption })} tabIndex={0}>
      <table>
        <caption className={styles.visuallyHidden}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("time")}</th>
            <th scope="col">{t("event")}</th>
            {showAccount && <th scope="col">{t("account")}</th>}
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("ip")}</th>
            <th scope="col">{t("browser")}</th>
            <th scope="col">{t("details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td><time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</time></td>
              <td>{label(e.event)}</td>
              {showAccount && <td>{who(e.userEmail, e.userId)}</td>}
              <td>{e.actorId ? who(e.actorEmail, e.actorId) : tc("none")}</td>
              <td>{e.ip ?? tc("none")}</td>
              <td className={styles.small}>{e.userAgent ?? tc("none")}</td>
              <td>{e.details ? <code className={styles.code}>{e.details}</code> : tc("none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
