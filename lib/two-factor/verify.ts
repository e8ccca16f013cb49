import { db } from "../db";
import { consumeRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { decryptSecret } from "./secrets";
import { checkThrottle, claimAttempt, registerSuccess, THROTTLE_CLEARED, type Claim, type Refusal } from "./throttle";
import { clockDrift, matchStep, normalizeCode } from "./totp";

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

async function checkTotp(userId: string, storedSecret: string, code: string, now: number): Promise<VerifyResult> {
  const secret = decryptSecret(storedSecret);
  const step = matchStep(secret, code, now);
  if (step !== null) return (await acceptStep(userId, step)) ? { ok: true, method: "totp" } : { ok: false, reason: "invalid" };
  const driftMinutes = clockDrift(secret, code, now);
  return driftMinutes === null ? { ok: false, reason: "invalid" } : { ok: false, reason: "invalid", driftMinutes };
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

/** The one place a second factor is checked: TOTP or recovery code, throttled per account, each code once. */
export async function verifySecondFactor(
  userId: string,
  input: { code?: unknown; recoveryCode?: unknown },
  now = Date.now(),
): Promise<VerifyResult> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.twoFactorEnabledAt || !user.totpSecret) return { ok: false, reason: "not-enabled" };
  const verdict = checkThrottle(user, now);
  if (!verdict.allowed) return refused(verdict);
  const attempt = readAttempt(input);
  if (!attempt) return { ok: false, reason: "format" };
  const claim = await claimAttempt(userId, now);
  if (!claim.allowed) return refused(claim);
  const result =
    attempt.method === "totp" ? await checkTotp(userId, user.totpSecret, attempt.code, now) : await checkRecoveryCode(userId, attempt.code);
  return withConsequence(result, claim);
}

/** The step of a code from the secret being enrolled; the caller stores it as totpLastStep so it cannot be replayed. */
export function acceptFirstCode(pendingSecretBase32: string, code: unknown, now = Date.now()): number | null {
  return matchStep(pendingSecretBase32, code, now);
}
