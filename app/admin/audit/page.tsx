import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { auditHref, readAuditQuery, searchAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/auth/guard";
import { Card, Page } from "@/components/ui/card";
import { AuditTable } from "@/components/admin/audit-table";
import { AuditFilters } from "@/components/admin/filters";

type Params = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Params }) {
  await requireAdmin();
  const query = readAuditQuery(await searchParams);
  const [t, result] = [await getTranslations("console.audit"), await searchAudit(query)];
  return (
    <Page width="full" title={t("title")}>
      <Card>
        <AuditFilters query={query} />
      </Card>
      <p role="status">{t("total", { count: result.total })}</p>
      <AuditTable events={result.events} caption={t("caption", { page: result.page, pages: result.pages })} pagination={{ page: result.page, pages: result.pages, href: (page) => auditHref(query, page) }} />
    </Page>
  );
}
