import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CLOSED_REQUESTS_SHOWN, listResetRequests } from "@/lib/admin/requests";
import { requireAdmin } from "@/lib/auth/guard";
import styles from "@/components/admin/admin.module.css";
import { RequestCase } from "@/components/recovery/request-case";
import { RequestAnswer } from "@/components/admin/request-answer";
import { Notice } from "@/components/ui/notice";

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ answered?: string }> }) {
  const admin = await requireAdmin();
  const answered = (await searchParams).answered;
  const [t, tc, format, { open, closed }] = [await getTranslations("console.requests"), await getTranslations("console.common"), await getFormatter(), await listResetRequests()];
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : tc("none"));
  const status = (s: string) => (s === "resolved" || s === "rejected" || s === "open" ? t(`statuses.${s}`) : s);
  return (
    <section className="card wide">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {(answered === "resolved" || answered === "rejected") && <Notice tone="success">{t("answered", { outcome: answered })}</Notice>}
      {answered === "info" && <Notice tone="success">{(await getTranslations("recovery.request"))("infoSent")}</Notice>}
      <h2>{t("open")}</h2>
      {open.length === 0 && <p>{t("noOpen")}</p>}
      {open.map((r) => (
        <section key={r.id} className={styles.request} aria-labelledby={`request-${r.id}`}>
          <h3 id={`request-${r.id}`}>{r.fullName}</h3>
          <dl className="details">
            <dt>{t("received")}</dt>
            <dd><time dateTime={r.createdAt.toISOString()}>{when(r.createdAt)}</time></dd>
            <dt>{t("organisation")}</dt>
            <dd>{r.organisation}</dd>
            <dt>{t("email")}</dt>
            <dd>{r.email}</dd>
            <dt>{t("phone")}</dt>
            <dd>{r.phone}</dd>
            <dt>{t("explanation")}</dt>
            <dd className={styles.explanation}>{r.explanation}</dd>
          </dl>
          <p>{r.userId ? <Link href={`/admin/users/${r.userId}`}>{t("account", { email: r.email })}</Link> : t("noAccount")}</p>
          <RequestCase request={r} adminId={admin.id} />
          <RequestAnswer requestId={r.id} />
        </section>
      ))}
      <h2>{t("closed")}</h2>
      {closed.length === 0 ? (
        <p>{t("noClosed")}</p>
      ) : (
        <>
          <p>{t("closedIntro", { count: CLOSED_REQUESTS_SHOWN })}</p>
          <div className={styles.scroll} role="region" aria-label={tc("scroll", { name: t("caption") })} tabIndex={0}>
            <table>
              <caption className={styles.visuallyHidden}>{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("received")}</th>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("email")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("answeredBy")}</th>
                  <th scope="col">{t("answeredAt")}</th>
                  <th scope="col">{t("response")}</th>
                </tr>
              </thead>
              <tbody>
                {closed.map((r) => (
                  <tr key={r.id}>
                    <td>{when(r.createdAt)}</td>
                    <th scope="row">{r.fullName}</th>
                    <td>{r.userId ? <Link href={`/admin/users/${r.userId}`}>{r.email}</Link> : r.email}</td>
                    <td>{status(r.status)}</td>
                    <td>{r.resolvedByEmail ?? tc("none")}</td>
                    <td>{when(r.resolvedAt)}</td>
                    <td className={styles.explanation}>{r.response ?? tc("none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
