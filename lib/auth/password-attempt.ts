import { record } from "../audit";
import type { User } from "../generated/sqlite/client";
import { normalizeEmail } from "../email";
import { findUserByEmail } from "../users";
import type { Device } from "./device";
import { verifyPassword } from "./password";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, addressKey, claim, deviceKey, release, reset, type Claim, type Rule } from "./password-throttle";
import type { Client } from "./sessions";

export type PasswordAttempt = { ok: true; user: User } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * One password attempt, throttled as OWASP's login-protection pattern describes: from a browser
 * that signed in to the account before (`devices`, its signed device cookie) only that browser's
 * own failures count; from anywhere else, the account's and the client address's failures count
 * (lib/auth/password-throttle.ts). A waiting key refuses WITHOUT comparing the password. An unknown
 * email is throttled, compared (against a decoy hash), answered and audited exactly like a known one.
 * A success resets the account's count. Every failure and refusal is audited.
 */
export async function attemptPassword(email: string, password: string, client: Client, devices: Device[]): Promise<PasswordAttempt> {
  // The form already checked the address (lib/email.ts); a raw string still gets one key per spelling.
  const normalized = normalizeEmail(email) ?? email.trim().toLowerCase();
  const user = await findUserByEmail(normalized);
  const device = user ? devices.find((d) => d.userId === user.id) : undefined;
  const keys: { key: string; rule: Rule }[] = device
    ? [{ key: deviceKey(device.nonce), rule: ACCOUNT_RULE }]
    : [...(client.ip ? [{ key: addressKey(client.ip), rule: ADDRESS_RULE }] : []), { key: accountKey(normalized), rule: ACCOUNT_RULE }];
  const claims: Claim[] = [];
  for (const { key, rule } of keys) {
    const claimed = await claim(key, rule, client.ip);
    if (!claimed.allowed) {
      for (const c of claims) await release(c);
      await record({ event: "sign_in.throttled", userId: user?.id, client, details: { until: claimed.retryAt.toISOString(), ...(device && { trustedBrowser: true }) } });
      return { ok: false, reason: "throttled", retryAt: claimed.retryAt };
    }
    claims.push(claimed);
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? null);
  if (ok && user) {
    for (const c of claims) if (c.rule === ADDRESS_RULE) await release(c);
    const claimOf = (key: string) => claims.find((c) => c.key === key);
    await reset(accountKey(normalized), claimOf(accountKey(normalized)));
    if (device) await reset(deviceKey(device.nonce), claimOf(deviceKey(device.nonce)));
    return { ok: true, user };
  }
  const counted = claims[claims.length - 1]!;
  await record({ event: "sign_in.failed", userId: user?.id, client, details: { failures: counted.failures, ...(device && { trustedBrowser: true }) } });
  return { ok: false, reason: "invalid" };
}
