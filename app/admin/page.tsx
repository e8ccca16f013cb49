import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { rolloutOverview } from "@/lib/admin/overview";
import { requireAdmin } from "@/lib/auth/guard";
import { mailHealth } from "@/lib/mail/outbox";
import { Notice } from "@/components/ui/notice";
import styles from "@/components/admin/admin.module.css";
import { ApprovalQueue } from "@/components/recovery/approval-queue";
import { EnrollmentChart } from "@/components/admin/enrollment-chart";

export default async function AdminOverviewPage() {
  const admin = await requireAdmin();
  const [t, format, overview, mail] = [await getTranslations("console.overview"), await getFormatter(), await rolloutOverview(), await mailHealth()];
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  return (
    <section className="card wide">
      <h1>{t("title")}</h1>
      {(mail.failed > 0 || mail.retrying > 0) && (
        <Notice tone="warning">
          {mail.failed > 0 && <>{t("mailFailed", { count: mail.failed })} </>}
          {mail.retrying > 0 && <>{t("mailRetrying", { count: mail.retrying })} </>}
          <Link href={mail.failed > 0 ? "/admin/outbox?status=failed" : "/admin/outbox?status=queued"}>{t("seeMail")}</Link>
        </Notice>
      )}
      <dl className={styles.stats}>
        <div>
          <dt>{t("accounts")}</dt>
          <dd className={styles.figure}>{format.number(overview.accounts)}</dd>
          <dd><Link href="/admin/users">{t("seeAccounts")}</Link></dd>
        </div>
        <div>
          <dt>{t("withTwoFactor")}</dt>
          <dd className={styles.figure}>{format.number(overview.share, { style: "percent", maximumFractionDigits: 1 })}</dd>
          <dd>{t("count", { count: overview.withTwoFactor })}</dd>
        </div>
        <div>
          <dt>{t("withoutTwoFactor")}</dt>
          <dd className={styles.figure}>{format.number(overview.withoutTwoFactor)}</dd>
          <dd><Link href="/admin/users?state=disabled">{t("seeWithout")}</Link></dd>
        </div>
        <div>
          <dt>{t("cutoff")}</dt>
          <dd className={styles.figure}>{day(overview.cutoff)}</dd>
          <dd>{t("cutoffDays", { days: overview.daysToCutoff })} {t("grace", { days: overview.graceDays, end: day(overview.graceEnds) })}</dd>
          <dd><Link href="/admin/settings">{t("changeCutoff")}</Link></dd>
        </div>
        <div>
          <dt>{t("openRequests")}</dt>
          <dd className={styles.figure}>{format.number(overview.openRequests)}</dd>
          <dd><Link href="/admin/requests">{t("seeRequests")}</Link></dd>
        </div>
        <div>
          <dt>{t("locked")}</dt>
          <dd className={styles.figure}>{format.number(overview.locked)}</dd>
          <dd><Link href="/admin/users?state=locked">{t("seeLocked")}</Link></dd>
        </div>
      </dl>
      <ApprovalQueue adminId={admin.id} />
      <EnrollmentChart days={overview.enrollmentsPerDay} />
    </section>
  );
}
