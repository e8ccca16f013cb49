// Test fixture: moves an account's dates back in time (time passing), since the server's clock
// cannot be moved. Run by e2e/fixtures.ts's `ageAccount` against a server's database.
// "trust-expired": every browser the account trusts reached its expiry `days` ago.
import { db } from "@/lib/db";

const [email, what, days] = process.argv.slice(2);
const ago = new Date(Date.now() - Number(days) * 86_400_000);
const data = {
  created: { createdAt: ago },
  enrolled: { twoFactorEnabledAt: ago },
  "snooze-lapsed": { enrollmentDeferredUntil: ago },
}[what as "created" | "enrolled" | "snooze-lapsed"];
if (what === "trust-expired") {
  const { count } = await db.trustedBrowser.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(ago.getTime() - 1000) } });
  if (count < 1) throw new Error(`no trusted browser for ${email}`);
} else {
  if (!email || !data) throw new Error("usage: age-account <email> created|enrolled|snooze-lapsed|trust-expired <days>");
  const { count } = await db.user.updateMany({ where: { email }, data });
  if (count !== 1) throw new Error(`no account ${email}`);
}
await db.$disconnect();
