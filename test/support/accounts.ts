// Many accounts at once, for the tests and the benchmark that run over 100,000 of them.
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/config";

/**
 * Creates `count` accounts created at `createdAt`, in one INSERT … SELECT over a counter (Prisma's
 * createMany spent about 0.5 ms of CPU a row building its query): every 5th has 2FA, every 50th is
 * exempt, the rest are to be reminded; languages cycle en, fr, nl. Returns how many have neither
 * 2FA nor an exemption.
 */
export async function generateAccounts(count: number, createdAt: Date, prefix = "gen"): Promise<number> {
  const postgres = isPostgres();
  const values: unknown[] = [];
  // One parameter per use: $n on PostgreSQL, ? on SQLite.
  const param = (value: unknown) => (values.push(value), postgres ? `$${values.length}` : "?");
  // A moment as each database holds one that Prisma wrote: timestamptz, or ISO text on SQLite.
  const at = () => (postgres ? `CAST(${param(createdAt.toISOString())} AS TIMESTAMPTZ)` : param(createdAt.toISOString().replace("Z", "+00:00")));
  const sql = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${param(count)})
    INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "locale", "createdAt", "twoFactorEnabledAt", "exemptAt", "secondFactorFailures", "snoozesUsed")
    SELECT ${param(prefix)} || '-' || CAST(i AS TEXT), ${param(prefix)} || '-' || CAST(i AS TEXT) || '@example.test', 'Tester ' || CAST(i AS TEXT), 'x', 'user',
           CASE i % 3 WHEN 0 THEN 'en' WHEN 1 THEN 'fr' ELSE 'nl' END,
           ${at()}, CASE WHEN i % 5 = 0 THEN ${at()} END, CASE WHEN i % 5 <> 0 AND i % 50 = 1 THEN ${at()} END, 0, 0
    FROM n`;
  await db.$executeRawUnsafe(sql, ...values);
  let remindable = 0;
  for (let i = 0; i < count; i++) if (i % 5 !== 0 && i % 50 !== 1) remindable++;
  return remindable;
}
