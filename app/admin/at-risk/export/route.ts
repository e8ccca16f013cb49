import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdminForRoute } from "@/lib/admin/route-guard";
import { record } from "@/lib/audit";
import { clientOf } from "@/lib/auth/request";
import { AtRiskQuery, atRiskCsv, AT_RISK_COLUMNS, type AtRiskCsvFormat } from "@/lib/admin/at-risk";
import { csvSeparator } from "@/lib/admin/csv";
import { textStream } from "@/lib/admin/users-export";

/** The at-risk accounts that match the filters on /admin/at-risk, all pages, as CSV streamed in batches, in the reader's language. */
export async function GET(request: NextRequest) {
  const admin = await requireAdminForRoute();
  if (admin instanceof Response) return admin;
  const { q, reason } = AtRiskQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
  const [t, tr, locale] = [await getTranslations("console.export"), await getTranslations("console.atRisk.reasons"), await getLocale()];
  const format: AtRiskCsvFormat = {
    headers: Object.fromEntries(AT_RISK_COLUMNS.map((c) => [c, t(c)])) as AtRiskCsvFormat["headers"],
    reason: (r) => tr(r),
    separator: csvSeparator(locale),
  };
  const day = new Date().toISOString().slice(0, 10);
  await record({ event: "users.exported", actorId: admin.id, client: clientOf(request.headers), details: { q, reason, list: "at-risk" } });
  return new Response(textStream(atRiskCsv({ q, reason }, format)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="at-risk-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
