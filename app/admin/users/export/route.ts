import type { NextRequest } from "next/server";
import { requireAdminForRoute } from "@/lib/admin/route-guard";
import { record } from "@/lib/audit";
import { clientOf } from "@/lib/auth/request";
import { textStream, usersCsv } from "@/lib/admin/users-export";
import { UserQuery } from "@/lib/admin/users";

/** The accounts that match the search on /admin/users, all pages, as CSV streamed in batches. */
export async function GET(request: NextRequest) {
  const admin = await requireAdminForRoute();
  if (admin instanceof Response) return admin;
  const { q, state } = UserQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
  const day = new Date().toISOString().slice(0, 10);
  await record({ event: "users.exported", actorId: admin.id, client: clientOf(request.headers), details: { q, state } });
  return new Response(textStream(usersCsv({ q, state })), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="accounts-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
