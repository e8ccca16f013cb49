import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { atRiskAccounts, atRiskHref, readAtRiskQuery } from "@/lib/admin/at-risk";
import { RISK_REASONS } from "@/lib/rollout/audience";
import { requireAdmin } from "@/lib/auth/guard";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, Page } from "@/components/ui/card";
import { Pager } from "@/components/ui/data-table";
import { Field, Select } from "@/components/ui/field";
import { AtRiskTable } from "@/components/admin/at-risk-table";

type Params = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.atRisk"))("title") };
}

export default async function AtRiskPage({ searchParams }: { searchParams: Params }) {
  await requireAdmin();
  const query = readAtRiskQuery(await searchParams);
  const [t, result] = [await getTranslations("console.atRisk"), await atRiskAccounts(query)];
  const reasons = ["all", ...RISK_REASONS] as const;
  return (
    <Page
      width="full"
      title={t("title")}
      intro={t("intro")}
      actions={
        <a href={atRiskHref({ ...query, page: 1 }, 1, "/admin/at-risk/export")} download className={buttonClasses("secondary")}>
          <Download aria-hidden />{t("export")}
        </a>
      }
    >
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field id="at-risk-q" name="q" type="search" label={t("search")} defaultValue={query.q} className="flex-1 basis-60" />
          <Select
            id="at-risk-reason"
            name="reason"
            label={t("filter")}
            defaultValue={query.reason}
            options={reasons.map((r) => ({ value: r, label: r === "all" ? t("reasons.all") : t("reasonCount", { reason: t(`reasons.${r}`), count: result.counts[r] }) }))}
          />
          <Button variant="secondary">{t("apply")}</Button>
        </form>
      </Card>
      <p role="status">{t("total", { count: result.total })}</p>
      <AtRiskTable rows={result.users} caption={t("title")} />
      {result.pages > 1 && <Pager page={result.page} pages={result.pages} href={(page) => atRiskHref(query, page)} />}
    </Page>
  );
}
