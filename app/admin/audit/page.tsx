import { getTranslations } from "next-intl/server";
import { auditHref, readAuditQuery, searchAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/auth/guard";
import { AuditTable } from "@/components/admin/audit-table";
import { AuditFilters } from "@/components/admin/filters";
import { Pager } from "@/components/admin/pager";

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Params }) {
  await requireAdmin();
  const query = readAuditQuery(await searchParams);
  const [t, result] = [await getTranslations("console.audit"), await searchAudit(query)];
  return (
    <section className="card wide">
      <h1>{t("title")}</h1>
      <AuditFilters query={query} />
      <p>{t("total", { count: result.total })}</p>
      <AuditTable events={result.events} caption={t("caption", { page: result.page, pages: result.pages })} />
      <Pager page={result.page} pages={result.pages} href={(page) => auditHref(query, page)} />
    </section>
  );
}
