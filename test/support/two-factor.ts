// Shared by the two-factor tests, imported after "@/test/support/db". Not used by the product.
import { randomBytes, randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/two-factor/secrets";
import { newSecret } from "@/lib/two-factor/totp";

// Each test process encrypts with its own key rather than generating .data/two-factor-key.
process.env.TWO_FACTOR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

export function createTestUser(data: { twoFactorEnabledAt?: Date; totpSecret?: string } = {}) {
  return db.user.create({ data: { email: `${randomUUID()}@example.test`, name: "Test", passwordHash: "not used", ...data } });
}

/** A user with TOTP enabled, and the secret their authenticator holds. */
export async function enrolledUser() {
  const secret = newSecret();
  const user = await createTestUser({ twoFactorEnabledAt: new Date(), totpSecret: encryptSecret(secret) });
  return { id: user.id, secret };
}

/** The code an authenticator shows at `time`, computed by otpauth directly. */
export function codeAt(secretBase32: string, time: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), timestamp: time });
}

/** A well-formed code that is not the secret's code at any step within ±10 minutes of `time`. */
export function wrongCode(secretBase32: string, time: number): string {
  const near = new Set(Array.from({ length: 41 }, (_, i) => codeAt(secretBase32, time + (i - 20) * 30_000)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!near.has(code)) return code;
  }
}
