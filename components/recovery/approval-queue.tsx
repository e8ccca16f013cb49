import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pendingApprovals, recentDisowned } from "@/lib/support-recovery";
import { Notice } from "@/components/ui/notice";
import { ApprovalDecision } from "./approval-decision";

/** The overview's queue of recoveries awaiting a second admin, and the "This wasn't me" alerts. */
export async function ApprovalQueue({ adminId }: { adminId: string }) {
  const [t, ta, tc, format, queue, disowned] = [
    await getTranslations("recovery.approvals"),
    await getTranslations("recovery.alert"),
    await getTranslations("console.reset.checks"),
    await getFormatter(),
    await pendingApprovals(),
    await recentDisowned(),
  ];
  const when = (date: Date) => `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return (
    <>
      {disowned.length > 0 && (
        <Notice tone="error">
          <strong>{ta("title")}</strong>
          {disowned.map((d) => (
            <p key={d.id}><Link href={`/admin/users/${d.userId}`}>{ta("item", { email: d.email ?? "?", time: when(d.disownedAt).replace(/ UTC$/, "") })}</Link></p>
          ))}
        </Notice>
      )}
      <section aria-labelledby="approvals-title">
        <h2 id="approvals-title">{t("title")}</h2>
        {queue.length === 0 ? <p>{t("empty")}</p> : <p>{t("intro")}</p>}
        {queue.map((r) => (
          <section key={r.id} className="setting" aria-labelledby={`approval-${r.id}`}>
            <h3 id={`approval-${r.id}`}>{t(`kinds.${r.kind}`)}: {r.account?.email ?? "?"}</h3>
            <dl className="details">
              <dt>{t("account")}</dt>
              <dd>{r.account ? <Link href={`/admin/users/${r.account.id}`}>{r.account.name} ({r.account.email})</Link> : "?"}</dd>
              <dt>{t("askedBy")}</dt>
              <dd>{r.requestedBy ?? "?"}, {when(r.createdAt)}</dd>
              <dt>{t("checks")}</dt>
              <dd>{r.verification.map((v) => (["callback", "document", "accountAddress", "other"].includes(v) ? tc(v) : v)).join(", ")}</dd>
              <dt>{t("reason")}</dt>
              <dd>{r.reason}</dd>
              {r.lifetimeMinutes && (
                <>
                  <dt>{t("lifetime")}</dt>
                  <dd>{t("hours", { count: r.lifetimeMinutes / 60 })}</dd>
                </>
              )}
              <dt>{t("lastSignIn")}</dt>
              <dd>{r.lastSignIn ? `${when(r.lastSignIn.createdAt)}${r.lastSignIn.ip ? `, ${r.lastSignIn.ip}` : ""}` : t("none")}</dd>
              <dt>{t("openRequests")}</dt>
              <dd>{r.openRequests.length ? r.openRequests.map((o) => `${o.reference ?? "?"} (${when(o.createdAt)})`).join(", ") : t("none")}</dd>
            </dl>
            <ApprovalDecision recoveryId={r.id} own={r.requestedById === adminId || r.account?.id === adminId} />
          </section>
        ))}
      </section>
    </>
  );
}
