import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dayIn, formatMoment } from "@/lib/dates";
import { CalendarClock, Lock, ShieldCheck, ShieldOff, Users, LifeBuoy } from "lucide-react";
import { rolloutOverview } from "@/lib/admin/overview";
import { requireAdmin } from "@/lib/auth/guard";
import { mailHealth } from "@/lib/mail/outbox";
import { Card, Page } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ApprovalQueue } from "@/components/recovery/approval-queue";
import { EnrollmentChart } from "@/components/admin/enrollment-chart";
import { RolloutFunnel } from "@/components/admin/rollout-funnel";
import { rolloutFunnel } from "@/lib/admin/funnel";
import { exemptAccounts } from "@/lib/rollout/exceptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.overview"))("title") };
}

function Stat({ icon, label, figure, children }: { icon: ReactNode; label: string; figure: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4 space-y-1">
      <dt className="flex items-center gap-2 font-semibold text-muted">{icon}{label}</dt>
      <dd className="m-0 text-2xl font-bold">{figure}</dd>
      <dd className="m-0 text-sm space-y-1">{children}</dd>
    </div>
  );
}

export default async function AdminOverviewPage() {
  const admin = await requireAdmin();
  const [t, format, overview, mail] = [await getTranslations("console.overview"), await getFormatter(), await rolloutOverview(), await mailHealth()];
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: overview.timeZone });
  const icon = "size-4 shrink-0";
  return (
    <Page width="full" title={t("title")}>
      {(mail.failed > 0 || mail.retrying > 0) && (
        <Notice tone="warning">
          {mail.failed > 0 && <>{t("mailFailed", { count: mail.failed })} </>}
          {mail.retrying > 0 && <>{t("mailRetrying", { count: mail.retrying })} </>}
          <Link href={mail.failed > 0 ? "/admin/outbox?status=failed" : "/admin/outbox?status=queued"}>{t("seeMail")}</Link>
        </Notice>
      )}
      <ApprovalQueue adminId={admin.id} />
      <dl className="grid gap-4 grid-cols-1 sm:grid-cols-2 xl:grid-cols-3">
        <Stat icon={<Users aria-hidden className={icon} />} label={t("accounts")} figure={format.number(overview.accounts)}>
          <Link href="/admin/users">{t("seeAccounts")}</Link>
        </Stat>
        <Stat icon={<ShieldCheck aria-hidden className={icon} />} label={t("withTwoFactor")} figure={format.number(overview.share, { style: "percent", maximumFractionDigits: 1 })}>
          {t("count", { count: overview.withTwoFactor })}
        </Stat>
        <Stat icon={<ShieldOff aria-hidden className={icon} />} label={t("withoutTwoFactor")} figure={format.number(overview.withoutTwoFactor)}>
          <Link href="/admin/users?state=disabled">{t("seeWithout")}</Link>
        </Stat>
        <Stat icon={<CalendarClock aria-hidden className={icon} />} label={t("cutoff")} figure={formatMoment(overview.cutoff, await getLocale(), overview.timeZone)}>
          <p>{t("cutoffDays", { days: overview.daysToCutoff })} {t("grace", { days: overview.graceDays, end: day(overview.graceEnds) })}</p>
          <Link href="/admin/settings">{t("changeCutoff")}</Link>
        </Stat>
        <Stat icon={<LifeBuoy aria-hidden className={icon} />} label={t("openRequests")} figure={format.number(overview.openRequests)}>
          <Link href="/admin/requests">{t("seeRequests")}</Link>
        </Stat>
        <Stat icon={<Lock aria-hidden className={icon} />} label={t("locked")} figure={format.number(overview.locked)}>
          <Link href="/admin/users?state=locked">{t("seeLocked")}</Link>
        </Stat>
      </dl>
      <RolloutFunnel funnel={await rolloutFunnel()} exempt={await exemptAccounts()} />
      <Card>
        <EnrollmentChart days={overview.enrollmentsPerDay} accounts={overview.accounts} withTwoFactor={overview.withTwoFactor} cutoff={dayIn(overview.cutoff, overview.timeZone)} />
      </Card>
    </Page>
  );
}
