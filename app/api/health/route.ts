import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// How long the check waits for the database before calling it unavailable.
const TIMEOUT_MS = 3_000;

/** Whether the database answers, for the error pages (and load balancers); says nothing else. */
export async function GET() {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS).unref());
  const ok = await Promise.race([db.$queryRawUnsafe("SELECT 1").then(() => true, () => false), timeout]);
  return Response.json({ database: ok ? "ok" : "unavailable" }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
