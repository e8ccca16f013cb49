import { db } from "../db";
import { consumeRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { decryptSecret } from "./secrets";
import type { User } from "../generated/sqlite/client";
import { checkThrottle, claimAttempt, registerSuccess, THROTTLE_CLEARED, type Claim, type Refusal, type ThrottleState } from "./throttle";
import { clockDrift, futureStep, matchStep, normalizeCode } from "./totp";

export type VerifyResult =
  | { ok: true; method: "totp" | "recovery"; remaining?: number }
  | {
      ok: false;
      reason: "format" | "invalid" | "blocked" | "locked" | "not-enabled";
      /** blocked: when attempts resume; invalid: set when this failure started a block. */
      retryAt?: Date;
      /** invalid: set when this failure blocked or locked the second factor (each is audited once). */
      consequence?: "blocked" | "locked";
      driftMinutes?: number;
    };

type Attempt = { method: "totp" | "recovery"; code: string };

// A form may post both fields; a filled-in recovery code is what the user chose to use.
function readAttempt(input: { code?: unknown; recoveryCode?: unknown }): Attempt | null {
  if (input.recoveryCode !== undefined && input.recoveryCode !== null && input.recoveryCode !== "") {
    const code = normalizeRecoveryCode(input.recoveryCode);
    return code ? { method: "recovery", code } : null;
  }
  const code = normalizeCode(input.code);
  return code ? { method: "totp", code } : null;
}

// Only the request that moves totpLastStep forward wins: a code, or an older one, works once.
async function acceptStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, ...THROTTLE_CLEARED },
  });
  return count === 1;
}

type CodeCheck = { step: number } | { step: null; driftMinutes: number | null };

/**
 * Where a typed code falls for this user: the step to accept (within ±1 step, and not refused
 * before its time), or, for a refused code, the minutes a phone behind seems to lag. A refused code
 * that matches a coming step is recorded, so it is refused again when that step arrives.
 */
async function placeCode(userId: string, secret: string, code: string, now: number): Promise<CodeCheck> {
  const step = matchStep(secret, code, now);
  if (step !== null) {
    const refused = await db.refusedTotpStep.findUnique({ where: { userId_step: { userId, step } } });
    return refused ? { step: null, driftMinutes: null } : { step };
  }
  const ahead = futureStep(secret, code, now);
  if (ahead !== null) {
    await db.refusedTotpStep.upsert({ where: { userId_step: { userId, step: ahead } }, create: { userId, step: ahead }, update: {} });
    // Steps already past the window can never be accepted again: their rows have done their work.
    await db.refusedTotpStep.deleteMany({ where: { userId, step: { lt: Math.floor(now / 30_000) - 1 } } });
  }
  return { step: null, driftMinutes: clockDrift(secret, code, now) };
}

async function checkTotp(userId: string, storedSecret: string, code: string, now: number): Promise<VerifyResult> {
  const placed = await placeCode(userId, decryptSecret(storedSecret), code, now);
  if (placed.step !== null) return (await acceptStep(userId, placed.step)) ? { ok: true, method: "totp" } : { ok: false, reason: "invalid" };
  return placed.driftMinutes === null ? { ok: false, reason: "invalid" } : { ok: false, reason: "invalid", driftMinutes: placed.driftMinutes };
}

async function checkRecoveryCode(userId: string, code: string): Promise<VerifyResult> {
  const used = await consumeRecoveryCode(userId, code);
  if (!used.ok) return { ok: false, reason: "invalid" };
  await registerSuccess(userId);
  return { ok: true, method: "recovery", remaining: used.remaining };
}

function refused(refusal: Refusal): VerifyResult {
  return refusal.reason === "blocked" ? { ok: false, reason: "blocked", retryAt: refusal.retryAt } : { ok: false, reason: "locked" };
}

function withConsequence(result: VerifyResult, claim: Claim): VerifyResult {
  return result.ok || !claim.ifFailed ? result : { ...result, ...claim.ifFailed };
}

/** What verifySecondFactor needs of the account: whether 2FA is on, the app's secret, the throttle. */
export type SecondFactorState = Pick<User, "twoFactorEnabledAt" | "totpSecret"> & ThrottleState;

/**
 * The one place a second factor is checked: a TOTP code (RFC 6238, ±1 time step, each step once)
 * or a recovery code, throttled per account (NIST SP 800-63B §5.2.2). `now` in ms. `known`: the
 * account's row as this request already read it, which spares a read (the throttle's
 * compare-and-set reads again if it changed meanwhile). Returns the outcome; throws only what the
 * database throws.
 */
export async function verifySecondFactor(
  userId: string,
  input: { code?: unknown; recoveryCode?: unknown },
  now = Date.now(),
  known?: SecondFactorState,
): Promise<VerifyResult> {
  const user = known ?? (await db.user.findUnique({ where: { id: userId } }));
  // An account enrolled with a passkey only has no app secret: its recovery codes still work here.
  if (!user?.twoFactorEnabledAt) return { ok: false, reason: "not-enabled" };
  const verdict = checkThrottle(user, now);
  if (!verdict.allowed) return refused(verdict);
  const attempt = readAttempt(input);
  if (!attempt) return { ok: false, reason: "format" };
  const claim = await claimAttempt(userId, now, user);
  if (!claim.allowed) return refused(claim);
  const result =
    attempt.method === "recovery"
      ? await checkRecoveryCode(userId, attempt.code)
      : user.totpSecret
        ? await checkTotp(userId, user.totpSecret, attempt.code, now)
        : ({ ok: false, reason: "invalid" } as const);
  return withConsequence(result, claim);
}

/**
 * A code from the secret being enrolled: its step (the caller stores it as totpLastStep so it
 * cannot be replayed), or, when refused, the minutes a phone behind seems to lag (null if none).
 * Like a sign-in code, a code refused before its step came stays refused.
 */
export async function checkFirstCode(userId: string, pendingSecretBase32: string, code: unknown, now = Date.now()): Promise<CodeCheck> {
  const token = normalizeCode(code);
  return token ? placeCode(userId, pendingSecretBase32, token, now) : { step: null, driftMinutes: null };
}
