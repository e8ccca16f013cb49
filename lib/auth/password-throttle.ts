import { createHash } from "node:crypto";
import { db } from "../db";

/**
 * How failures on one key slow it down: the first `freeFailures - 1` cost nothing; the failure
 * that reaches `freeFailures` and each one after it start a wait that doubles every time, up to
 * `maxDelayMs`. Failures older than `forgetAfterMs` are forgotten. Nothing ever locks for good.
 */
export type Rule = { freeFailures: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs: number };

/** Per account (and per trusted browser): 5 consecutive failures, then 30 s, 1 min, 2 min… up to 15 min. */
export const ACCOUNT_RULE: Rule = { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };
/** Per client address, across accounts (credential stuffing): 50 failures an hour, then 1 s, 2 s… up to 15 min. */
export const ADDRESS_RULE: Rule = { freeFailures: 50, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 3_600_000 };

// A claim retries only when another attempt on the same key was counted meanwhile.
const CLAIM_TRIES = 50;

/** The wait (ms) that the `failures`-th failure in a row starts under `rule`; 0 when none. */
export function delayAfter(failures: number, rule: Rule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.firstDelayMs * 2 ** Math.min(failures - rule.freeFailures, 30), rule.maxDelayMs);
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The key of an email address, known to the product or not, so both are throttled alike (no enumeration). */
export const accountKey = (normalizedEmail: string) => `account:${sha256(normalizedEmail)}`;
export const addressKey = (ip: string) => `address:${ip.slice(0, 64)}`;
/** A browser that signed in to the account before (OWASP's device cookie): only its own failures count. */
export const deviceKey = (nonce: string) => `device:${nonce}`;

/** A counted attempt: its key and rule, the count it made, when it stamped the key, and the stamp it replaced. */
export type Claim = { key: string; rule: Rule; failures: number; at: Date; before: { lastFailureAt: Date | null; lastIp: string | null } };
export type Refusal = { allowed: false; retryAt: Date };

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * Counts an attempt on `key` as a failure BEFORE its password is compared, in one compare-and-set,
 * so that concurrent attempts (several instances on one database included) cannot all slip past a
 * wait; `release` or `reset` undoes it when the password was right. Refuses, without counting,
 * while the key waits. `now` in ms.
 */
export async function claim(key: string, rule: Rule, ip: string | null | undefined, now = Date.now()): Promise<({ allowed: true } & Claim) | Refusal> {
  for (let tries = 0; tries < CLAIM_TRIES; tries++) {
    const row = await db.passwordThrottle.findUnique({ where: { key } });
    if (row?.blockedUntil && row.blockedUntil.getTime() > now) return { allowed: false, retryAt: row.blockedUntil };
    const forgotten = !row?.lastFailureAt || now - row.lastFailureAt.getTime() > rule.forgetAfterMs;
    const failures = (row && !forgotten ? row.failures : 0) + 1;
    const delay = delayAfter(failures, rule);
    const at = new Date(now);
    const data = { failures, blockedUntil: delay ? new Date(now + delay) : null, lastFailureAt: at, lastIp: ip?.slice(0, 64) ?? null };
    const before = { lastFailureAt: row?.lastFailureAt ?? null, lastIp: row?.lastIp ?? null };
    if (!row) {
      const created = await db.passwordThrottle.create({ data: { key, ...data } }).then(
        () => true,
        (error: unknown) => {
          if (isUniqueViolation(error)) return false;
          throw error;
        },
      );
      if (created) return { allowed: true, key, rule, failures, at, before };
      continue;
    }
    const { count } = await db.passwordThrottle.updateMany({
      where: { key, failures: row.failures, blockedUntil: row.blockedUntil, lastFailureAt: row.lastFailureAt },
      data,
    });
    if (count === 1) return { allowed: true, key, rule, failures, at, before };
  }
  // Still contended after all those tries: ask for a retry rather than count past the budget.
  return { allowed: false, retryAt: new Date(now + 1000) };
}

// A claim stamps its key as a failure before the password is compared; when it was right, the
// stamp it replaced is put back (what support reads as the last failed password), unless another
// attempt stamped the key since.
const stampOf = (claimed: Claim) => ({ where: { key: claimed.key, lastFailureAt: claimed.at }, data: claimed.before });

/**
 * The password was right: the key's count starts again (an account, a trusted browser). `claimed`:
 * this attempt's claim on the key, if it made one, whose stamp is taken back.
 */
export async function reset(key: string, claimed?: Claim): Promise<void> {
  const data = { failures: 0, blockedUntil: null };
  if (claimed) {
    const stamp = stampOf(claimed);
    const { count } = await db.passwordThrottle.updateMany({ where: stamp.where, data: { ...data, ...stamp.data } });
    if (count === 1) return;
  }
  await db.passwordThrottle.updateMany({ where: { key }, data });
}

/** The password was right: the claim is taken back, its stamp too, but earlier failures still count (a client address). */
export async function release(claimed: Claim): Promise<void> {
  const stamp = stampOf(claimed);
  const { count } = await db.passwordThrottle.updateMany({ where: { ...stamp.where, failures: { gt: 0 } }, data: { failures: { decrement: 1 }, ...stamp.data } });
  if (count === 0) await db.passwordThrottle.updateMany({ where: { key: claimed.key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  await db.passwordThrottle.updateMany({ where: { key: claimed.key, failures: { lt: claimed.rule.freeFailures } }, data: { blockedUntil: null } });
}

/** What support sees of an account's password failures: count since the last success, last address, wait. */
export async function throttleOf(key: string) {
  return db.passwordThrottle.findUnique({ where: { key } });
}
