// Test fixture: moves an account's dates back in time (time passing), since the server's clock
// cannot be moved. Run in the e2e harness (e2e/support/server.ts) for e2e/fixtures.ts's `ageAccount`.
import { db } from "@/lib/db";

export type Aging = "created" | "enrolled" | "snooze-lapsed" | "trust-expired";

/**
 * Moves one date of the account with this email `days` days back: its creation, its enrollment,
 * the end of its snooze, or ("trust-expired") the expiry of every browser it trusts, to just before
 * then. Throws when there is no such account, or no trusted browser to expire.
 */
export async function ageAccount(email: string, what: Aging, days: number): Promise<void> {
  const ago = new Date(Date.now() - days * 86_400_000);
  if (what === "trust-expired") {
    const { count } = await db.trustedBrowser.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(ago.getTime() - 1000) } });
    if (count < 1) throw new Error(`no trusted browser for ${email}`);
    return;
  }
  const data = { created: { createdAt: ago }, enrolled: { twoFactorEnabledAt: ago }, "snooze-lapsed": { enrollmentDeferredUntil: ago } }[what];
  if (!data) throw new Error("age-account: what must be created, enrolled, snooze-lapsed or trust-expired");
  const { count } = await db.user.updateMany({ where: { email }, data });
  if (count !== 1) throw new Error(`no account ${email}`);
}
