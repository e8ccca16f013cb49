import type { User } from "../generated/sqlite/client";
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";

export const MAX_ATTEMPTS = 5;
export const BLOCK_MINUTES = 15;
export const LOCK_AFTER = 100;
const BLOCK_MS = BLOCK_MINUTES * 60_000;
// A claim retries only when another attempt was counted meanwhile; this bounds the unlucky case.
const CLAIM_TRIES = 4 * MAX_ATTEMPTS;

export type ThrottleState = Pick<User, "secondFactorFailures" | "secondFactorBlockedUntil" | "secondFactorLockedAt">;
export type Refusal = { allowed: false; reason: "blocked"; retryAt: Date } | { allowed: false; reason: "locked" };
/** An attempt may go ahead; `ifFailed` is what its failure has already set in motion. */
export type Claim = { allowed: true; ifFailed?: { consequence: "blocked"; retryAt: Date } | { consequence: "locked" } };

const THROTTLE_FIELDS = { secondFactorFailures: true, secondFactorBlockedUntil: true, secondFactorLockedAt: true } as const;

/** The throttle's fields of a wider row: the compare-and-set matches on exactly these. */
const pickThrottle = (row: ThrottleState): ThrottleState =>
  Object.fromEntries(Object.keys(THROTTLE_FIELDS).map((field) => [field, row[field as keyof ThrottleState]])) as ThrottleState;

export function checkThrottle(user: ThrottleState, now = Date.now()): { allowed: true } | Refusal {
  if (user.secondFactorLockedAt) return { allowed: false, reason: "locked" };
  const until = user.secondFactorBlockedUntil;
  if (until && until.getTime() > now) return { allowed: false, reason: "blocked", retryAt: until };
  return { allowed: true };
}

/**
 * Counts an attempt as a failure BEFORE its code is checked, and blocks or locks with it, in one
 * compare-and-set: concurrent guesses cannot all slip past a check made before any of them failed.
 * A success then resets the count (registerSuccess, or the TOTP replay guard).
 */
export async function claimAttempt(userId: string, now = Date.now(), known?: ThrottleState): Promise<Claim | Refusal> {
  for (let tries = 0; tries < CLAIM_TRIES; tries++) {
    // The first try may start from the state the caller read in this request; a stale one only
    // makes the compare-and-set below miss, and the next try reads it anew.
    const state = tries === 0 && known ? pickThrottle(known) : await db.user.findUniqueOrThrow({ where: { id: userId }, select: THROTTLE_FIELDS });
    const verdict = checkThrottle(state, now);
    if (!verdict.allowed) return verdict;
    const failures = state.secondFactorFailures + 1;
    const locks = failures >= LOCK_AFTER;
    const blockedUntil = !locks && failures % MAX_ATTEMPTS === 0 ? new Date(now + BLOCK_MS) : undefined;
    const { count } = await db.user.updateMany({
      where: { id: userId, ...state },
      data: {
        secondFactorFailures: failures,
        ...(blockedUntil && { secondFactorBlockedUntil: blockedUntil }),
        ...(locks && { secondFactorLockedAt: new Date(now) }),
      },
    });
    if (count === 1) {
      if (locks) return { allowed: true, ifFailed: { consequence: "locked" } };
      if (blockedUntil) return { allowed: true, ifFailed: { consequence: "blocked", retryAt: blockedUntil } };
      return { allowed: true };
    }
  }
  // Still contended after all those tries: ask for a retry rather than count past the budget.
  return { allowed: false, reason: "blocked", retryAt: new Date(now + 1000) };
}

// Also lifts a lock: none is claimed once locked, so only an attempt already under way can succeed.
export const THROTTLE_CLEARED = { secondFactorFailures: 0, secondFactorBlockedUntil: null, secondFactorLockedAt: null } as const;

export async function registerSuccess(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: THROTTLE_CLEARED });
}

/** Whether the account's block is the first since its last success: someone who knows the password is guessing codes. */
export async function isFirstBlock(userId: string): Promise<boolean> {
  const state = await db.user.findUnique({ where: { id: userId }, select: { secondFactorFailures: true } });
  return state?.secondFactorFailures === MAX_ATTEMPTS;
}

/** Support's unlock: clears the lock, any block and the count. */
export async function unlock(userId: string, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: THROTTLE_CLEARED });
}
