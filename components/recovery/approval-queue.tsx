import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pendingApprovals, recentDisowned } from "@/lib/support-recovery";
import { IDENTITY_CHECKS } from "@/lib/admin/identity-checks";
import { Notice } from "@/components/ui/notice";
import { Card, DetailList } from "@/components/ui/card";
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
      <section aria-labelledby="approvals-title" className="space-y-4">
        <h2 className="text-xl" id="approvals-title">{t("title")}</h2>
        {queue.length === 0 ? <p>{t("empty")}</p> : <p>{t("intro")}</p>}
        {queue.map((r) => (
          <Card key={r.id} as="section" labelledBy={`approval-${r.id}`}>
            <h3 className="text-lg" id={`approval-${r.id}`}>{t("heading", { kind: t(`kinds.${r.kind}`), email: r.account?.email ?? "?" })}</h3>
            <DetailList
              items={[
                { label: t("account"), value: r.account ? <Link href={`/admin/users/${r.account.id}`}>{r.account.name} ({r.account.email})</Link> : "?" },
                { label: t("askedBy"), value: `${r.requestedBy ?? "?"}, ${when(r.createdAt)}` },
                { label: t("checks"), value: r.verification.map((v) => ((IDENTITY_CHECKS as readonly string[]).includes(v) ? tc(v) : v)).join(", ") },
                { label: t("reason"), value: r.reason },
                ...(r.lifetimeMinutes ? [{ label: t("lifetime"), value: t("hours", { count: r.lifetimeMinutes / 60 }) }] : []),
                { label: t("lastSignIn"), value: r.lastSignIn ? `${when(r.lastSignIn.createdAt)}${r.lastSignIn.ip ? `, ${r.lastSignIn.ip}` : ""}` : t("none") },
                { label: t("openRequests"), value: r.openRequests.length ? r.openRequests.map((o) => `${o.reference ?? "?"} (${when(o.createdAt)})`).join(", ") : t("none") },
              ]}
            />
            <ApprovalDecision recoveryId={r.id} mine={r.account?.id === adminId ? "account" : r.requestedById === adminId ? "asked" : null} />
          </Card>
        ))}
      </section>
    </>
  );
}
