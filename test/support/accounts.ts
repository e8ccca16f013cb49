// Many accounts at once, for the tests and the benchmark that run over 100,000 of them.
import { db } from "@/lib/db";

/**
 * Creates `count` accounts created at `createdAt`, in batches of 1,000: every 5th has 2FA, every
 * 50th is exempt, the rest are to be reminded. Returns how many have neither 2FA nor an exemption.
 */
export async function generateAccounts(count: number, createdAt: Date, prefix = "gen"): Promise<number> {
  let remindable = 0;
  for (let start = 0; start < count; start += 1000) {
    const data = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      const enrolled = i % 5 === 0;
      const exempt = !enrolled && i % 50 === 1;
      if (!enrolled && !exempt) remindable++;
      const locale = (["en", "fr", "nl"] as const)[i % 3]!;
      return { email: `${prefix}-${i}@example.test`, name: `Tester ${i}`, passwordHash: "x", locale, createdAt, twoFactorEnabledAt: enrolled ? createdAt : null, exemptAt: exempt ? createdAt : null };
    });
    await db.user.createMany({ data });
  }
  return remindable;
}
