import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { rolloutFunnel } from "@/lib/admin/funnel";
import type { exemptAccounts } from "@/lib/rollout/exceptions";
import { formatMoment } from "@/lib/dates";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

type Funnel = Awaited<ReturnType<typeof rolloutFunnel>>;
type Exempt = Awaited<ReturnType<typeof exemptAccounts>>;

/** The rollout funnel (accounts → signed in → started → enrolled), snoozes over time, the projection, and the exempt accounts. */
export async function RolloutFunnel({ funnel, exempt }: { funnel: Funnel; exempt: Exempt }) {
  const [t, format, locale] = [await getTranslations("console.funnel"), await getFormatter(), await getLocale()];
  const share = (n: number) => format.number(funnel.accounts ? n / funnel.accounts : 0, { style: "percent", maximumFractionDigits: 1 });
  const steps = [
    { key: "accounts", count: funnel.accounts },
    { key: "signedIn", count: funnel.signedIn },
    { key: "started", count: funnel.started },
    { key: "enrolled", count: funnel.enrolled },
  ] as const;
  const snoozeDays = funnel.snoozesPerDay.filter((d) => d.count > 0);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <Card as="section" labelledBy="funnel-title">
        <h2 id="funnel-title" className="text-xl">{t("title")}</h2>
        <p>{t("intro", { date: formatMoment(funnel.announced, locale, funnel.timeZone) })}</p>
        <DataTable
          caption={t("title")}
          rows={[...steps]}
          rowKey={(s) => s.key}
          empty=""
          columns={[
            { key: "step", header: t("step"), rowHeader: true, cell: (s) => t(s.key) },
            { key: "count", header: t("count"), cell: (s) => format.number(s.count) },
            { key: "share", header: t("share"), cell: (s) => share(s.count) },
          ]}
        />
        <p>{t("projected", { date: formatMoment(funnel.requiredFrom, locale, funnel.timeZone), share: format.number(funnel.projected, { style: "percent", maximumFractionDigits: 1 }) })}</p>
        <p>{t("snoozes", { count: funnel.snoozesUsed })}</p>
        {snoozeDays.length > 0 && (
          <DataTable
            caption={t("snoozesTable")}
            rows={snoozeDays}
            rowKey={(d) => d.day}
            empty=""
            columns={[
              { key: "day", header: t("day"), rowHeader: true, cell: (d) => d.day },
              { key: "count", header: t("snoozesPerDay"), cell: (d) => format.number(d.count) },
            ]}
          />
        )}
        <Link href="/admin/at-risk">{t("seeAtRisk")}</Link>
      </Card>
      <Card as="section" labelledBy="exempt-list-title">
        <h2 id="exempt-list-title" className="text-xl">{t("exempt")}</h2>
        <DataTable
          caption={t("exempt")}
          rows={exempt}
          rowKey={(u) => u.id}
          empty={t("exemptNone")}
          columns={[
            { key: "account", header: t("account"), rowHeader: true, cell: (u) => <Link href={`/admin/users/${u.id}`}>{u.email}</Link> },
            { key: "since", header: t("exemptSince"), cell: (u) => (u.exemptAt ? `${day(u.exemptAt)} UTC` : "") },
            { key: "reason", header: t("reason"), cell: (u) => u.exemptReason },
          ]}
        />
      </Card>
    </>
  );
}
