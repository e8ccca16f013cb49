import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { userDetail } from "@/lib/admin/user-detail";
import { requireAdmin } from "@/lib/auth/guard";
import { languageName } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import { Card, DetailList, Page } from "@/components/ui/card";
import { AccessCodePanel } from "@/components/recovery/access-code-panel";
import { AuditTable } from "@/components/admin/audit-table";
import { TrustedBrowserList } from "@/components/account/trusted-browser-list";
import { ResetTwoFactor, SignOutEverywhere, UnlockTwoFactor } from "@/components/admin/user-actions";
import { ExtendDeadline, Exemption } from "@/components/admin/rollout-exceptions";
import { formatMoment } from "@/lib/dates";
import { currentPolicy } from "@/lib/settings";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requireAdmin();
  const detail = await userDetail((await params).id);
  return { title: detail ? detail.user.name : (await getTranslations("titles"))("notFound") };
}

export default async function UserPage({ params }: { params: Params }) {
  const admin = await requireAdmin();
  const detail = await userDetail((await params).id);
  if (!detail) notFound();
  const { user, hasApp, passkeys, recoveryCodesLeft, sessions, trail, passwordThrottle } = detail;
  const [t, tc, tp, format] = [await getTranslations("console.user"), await getTranslations("console.common"), await getTranslations("signInProtection"), await getFormatter()];
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC` : tc("never"));
  const [policy, tx] = [await currentPolicy(), await getTranslations("console.exceptions")];
  const blocked = user.secondFactorBlockedUntil && user.secondFactorBlockedUntil > new Date() ? user.secondFactorBlockedUntil : null;
  return (
    <Page
      width="full"
      title={user.name}
      intro={user.email}
      before={<Link href="/admin/users" className="inline-flex items-center gap-1"><ArrowLeft aria-hidden className="size-4" />{t("back")}</Link>}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" labelledBy="account-title">
          <h2 id="account-title" className="text-xl">{t("account")}</h2>
          <DetailList
            items={[
              { label: t("email"), value: user.email },
              { label: t("role"), value: tc(`roles.${user.role === "admin" ? "admin" : "user"}`) },
              { label: t("language"), value: languageName(user.locale, await getLocale()) },
              { label: t("created"), value: when(user.createdAt) },
              { label: t("lastSignIn"), value: when(user.lastSignInAt) },
              { label: t("sessions"), value: format.number(sessions) },
              {
                label: tp("adminFailures"),
                value: (
                  <>
                    {tp("adminFailuresValue", { count: passwordThrottle?.failures ?? 0 })}
                    {passwordThrottle?.blockedUntil && passwordThrottle.blockedUntil > new Date() && <>. {tp("adminWait", { time: when(passwordThrottle.blockedUntil) })}</>}
                  </>
                ),
              },
              {
                label: tp("adminLastFailure"),
                value: passwordThrottle?.lastFailureAt ? tp("adminLastFailureValue", { time: when(passwordThrottle.lastFailureAt), address: passwordThrottle.lastIp ?? tp("unknownAddress") }) : tc("never"),
              },
            ]}
          />
        </Card>
        <Card as="section" labelledBy="two-factor-title">
          <h2 id="two-factor-title" className="text-xl">{t("twoFactor")}</h2>
          <DetailList
            items={[
              { label: t("status"), value: user.twoFactorEnabledAt ? <Badge tone="success">{t("on", { date: when(user.twoFactorEnabledAt) })}</Badge> : <Badge>{t("off")}</Badge> },
              // What the owner can sign in with: support sees it before choosing a recovery.
              { label: t("app"), value: hasApp ? t("appSet") : t("none") },
              {
                label: t("passkeys"),
                value: passkeys.length ? (
                  <ul className="list-none space-y-1 p-0">
                    {passkeys.map((k) => <li key={k.id}>{k.lastUsedAt ? t("passkeyUsed", { name: k.name, time: when(k.lastUsedAt) }) : t("passkeyUnused", { name: k.name })}</li>)}
                  </ul>
                ) : t("none"),
              },
              { label: t("recoveryCodes"), value: format.number(recoveryCodesLeft) },
              {
                label: t("lock"),
                value: user.secondFactorLockedAt ? (
                  <Badge tone="danger">{t("lockedSince", { date: when(user.secondFactorLockedAt) })}</Badge>
                ) : blocked ? (
                  t("blockedUntil", { time: when(blocked) })
                ) : (
                  t("notLocked")
                ),
              },
              { label: t("failures"), value: format.number(user.secondFactorFailures) },
              { label: tx("snoozesUsed"), value: format.number(user.snoozesUsed) },
              { label: tx("lastCheckup"), value: when(user.checkupAt) },
            ]}
          />
        </Card>
      </div>
      <section aria-labelledby="actions-title" className="space-y-4">
        <h2 id="actions-title" className="text-xl">{t("actions")}</h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <UnlockTwoFactor userId={user.id} locked={!!user.secondFactorLockedAt} />
          <AccessCodePanel userId={user.id} enabled={!!user.twoFactorEnabledAt} self={user.id === admin.id} />
          <ResetTwoFactor userId={user.id} enabled={!!user.twoFactorEnabledAt} self={user.id === admin.id} />
          <SignOutEverywhere userId={user.id} />
          <ExtendDeadline
            userId={user.id}
            current={user.personalDeadline && formatMoment(user.personalDeadline, await getLocale(), policy.timeZone)}
            reason={user.personalDeadlineReason}
            zone={policy.timeZone}
            applicable={!user.twoFactorEnabledAt && user.role !== "admin"}
          />
          <Exemption userId={user.id} admin={user.role === "admin"} exempt={user.exemptAt && { since: when(user.exemptAt), reason: user.exemptReason ?? "" }} />
        </div>
      </section>
      <TrustedBrowserList userId={user.id} admin />
      <section aria-labelledby="trail-title" className="space-y-3">
        <h2 id="trail-title" className="text-xl">{t("trail")}</h2>
        <p>{t("trailIntro")}</p>
        <AuditTable events={trail} caption={t("trail")} showAccount={false} />
      </section>
    </Page>
  );
}
