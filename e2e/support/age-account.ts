// Test fixture: moves an account's dates back in time (time passing), since the server's clock
// cannot be moved. Run by e2e/fixtures.ts's `ageAccount` against a server's database.
import { db } from "@/lib/db";

const [email, what, days] = process.argv.slice(2);
const ago = new Date(Date.now() - Number(days) * 86_400_000);
const data = {
  created: { createdAt: ago },
  enrolled: { twoFactorEnabledAt: ago },
  "snooze-lapsed": { enrollmentDeferredUntil: ago },
}[what as "created" | "enrolled" | "snooze-lapsed"];
if (!email || !data) throw new Error("usage: age-account <email> created|enrolled|snooze-lapsed <days>");
const { count } = await db.user.updateMany({ where: { email }, data });
if (count !== 1) throw new Error(`no account ${email}`);
await db.$disconnect();
