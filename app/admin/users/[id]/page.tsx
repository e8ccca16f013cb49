import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { userDetail } from "@/lib/admin/user-detail";
import { requireAdmin } from "@/lib/auth/guard";
import { isLocale } from "@/lib/i18n/locales";
import { AuditTable } from "@/components/admin/audit-table";
import { TrustedBrowserList } from "@/components/account/trusted-browser-list";
import { ResetTwoFactor, SignOutEverywhere, UnlockTwoFactor } from "@/components/admin/user-actions";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const detail = await userDetail((await params).id);
  if (!detail) notFound();
  const { user, recoveryCodesLeft, sessions, trail, passwordThrottle } = detail;
  const [t, tc, tl, tp, format] = [await getTranslations("console.user"), await getTranslations("console.common"), await getTranslations("language"), await getTranslations("signInProtection"), await getFormatter()];
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) : tc("never"));
  const blocked = user.secondFactorBlockedUntil && user.secondFactorBlockedUntil > new Date() ? user.secondFactorBlockedUntil : null;
  return (
    <section className="card wide">
      <p><Link href="/admin/users">{t("back")}</Link></p>
      <h1>{user.name}</h1>
      <h2>{t("account")}</h2>
      <dl className="details">
        <dt>{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{tc(`roles.${user.role === "admin" ? "admin" : "user"}`)}</dd>
        <dt>{t("language")}</dt>
        <dd>{isLocale(user.locale) ? tl(`names.${user.locale}`) : user.locale}</dd>
        <dt>{t("created")}</dt>
        <dd>{when(user.createdAt)}</dd>
        <dt>{t("lastSignIn")}</dt>
        <dd>{when(user.lastSignInAt)}</dd>
        <dt>{t("sessions")}</dt>
        <dd>{format.number(sessions)}</dd>
        <dt>{tp("adminFailures")}</dt>
        <dd>
          {tp("adminFailuresValue", { count: passwordThrottle?.failures ?? 0 })}
          {passwordThrottle?.blockedUntil && passwordThrottle.blockedUntil > new Date() && <>. {tp("adminWait", { time: `${when(passwordThrottle.blockedUntil)} UTC` })}</>}
        </dd>
        <dt>{tp("adminLastFailure")}</dt>
        <dd>{passwordThrottle?.lastFailureAt ? tp("adminLastFailureValue", { time: `${when(passwordThrottle.lastFailureAt)} UTC`, address: passwordThrottle.lastIp ?? tp("unknownAddress") }) : tc("never")}</dd>
      </dl>
      <h2>{t("twoFactor")}</h2>
      <dl className="details">
        <dt>{t("status")}</dt>
        <dd>{user.twoFactorEnabledAt ? t("on", { date: when(user.twoFactorEnabledAt) }) : t("off")}</dd>
        <dt>{t("recoveryCodes")}</dt>
        <dd>{format.number(recoveryCodesLeft)}</dd>
        <dt>{t("lock")}</dt>
        <dd>
          {user.secondFactorLockedAt
            ? t("lockedSince", { date: when(user.secondFactorLockedAt) })
            : blocked
              ? t("blockedUntil", { time: when(blocked) })
              : t("notLocked")}
        </dd>
        <dt>{t("failures")}</dt>
        <dd>{format.number(user.secondFactorFailures)}</dd>
      </dl>
      <h2>{t("actions")}</h2>
      <UnlockTwoFactor userId={user.id} locked={!!user.secondFactorLockedAt} />
      <ResetTwoFactor userId={user.id} enabled={!!user.twoFactorEnabledAt} self={user.id === admin.id} />
      <SignOutEverywhere userId={user.id} />
      <TrustedBrowserList userId={user.id} admin />
      <h2>{t("trail")}</h2>
      <p>{t("trailIntro")}</p>
      <AuditTable events={trail} caption={t("trail")} showAccount={false} />
    </section>
  );
}
