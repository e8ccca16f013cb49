import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdminForRoute } from "@/lib/admin/route-guard";
import { record } from "@/lib/audit";
import { clientOf } from "@/lib/auth/request";
import { csvSeparator } from "@/lib/admin/csv";
import { textStream, usersCsv, USER_EXPORT_COLUMNS } from "@/lib/admin/users-export";
import { UserQuery } from "@/lib/admin/users";

/** The accounts that match the search on /admin/users, all pages, as CSV streamed in batches, headed in the reader's language. */
export async function GET(request: NextRequest) {
  const admin = await requireAdminForRoute();
  if (admin instanceof Response) return admin;
  const { q, state } = UserQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
  const [t, locale] = [await getTranslations("console.export"), await getLocale()];
  const headers = Object.fromEntries(USER_EXPORT_COLUMNS.map((c) => [c, t(c)])) as Record<(typeof USER_EXPORT_COLUMNS)[number], string>;
  const day = new Date().toISOString().slice(0, 10);
  await record({ event: "users.exported", actorId: admin.id, client: clientOf(request.headers), details: { q, state } });
  return new Response(textStream(usersCsv({ q, state }, { headers, separator: csvSeparator(locale) })), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="accounts-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
