import { record } from "../audit";
import type { Client } from "../auth/sessions";
import { enqueueMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import { reportedChange } from "../reported-change";
import { mailTime } from "../dates";
import { isFirstBlock } from "./throttle";
import { lowCodesMail, lowOnRecoveryCodes } from "../rollout/low-codes";
import { normalizeCode } from "./totp";
import { verifyPasskeyAssertion, type ChallengeHolder, type PasskeyResult } from "./passkeys";
import { verifySecondFactor, type SecondFactorState, type VerifyResult } from "./verify";
import type { Account } from "../users";

/** A code typed in one field that takes either: six digits are a TOTP code, anything else a recovery code. */
export function readEitherCode(input: unknown): { code?: unknown; recoveryCode?: unknown } {
  return normalizeCode(input) ? { code: input } : { recoveryCode: input };
}

/**
 * verifySecondFactor plus what each outcome owes the user and the audit trail: failures, blocks
 * and locks are recorded; a lock and each recovery-code use are mailed to the account's owner.
 * `known`: the account's 2FA state and throttle as this request read them a moment ago (the sign-in
 * code step), which spares a read; without it they are read now. A caller that did slow work since
 * its read (a password's hash) leaves it out, so a change made meanwhile is seen.
 */
export async function checkSecondFactor(
  user: Account,
  input: { code?: unknown; recoveryCode?: unknown },
  client: Client,
  known?: SecondFactorState,
): Promise<VerifyResult> {
  const result = await verifySecondFactor(user.id, input, Date.now(), known);
  if (result.ok) {
    if (result.method === "recovery") {
      await reportedChange(async (tx) => {
        const remaining = result.remaining ?? 0;
        // Few codes left: a second mail, in the same transaction, says how to make new ones.
        if (lowOnRecoveryCodes(remaining)) await enqueueMail(tx, lowCodesMail(user, remaining));
        return {
          value: null,
          audit: { event: "recovery_code.used", userId: user.id, client, details: { remaining: result.remaining } },
          mail: renderMail("recoveryCodeUsed", user, { remaining }),
        };
      });
    }
    return result;
  }
  await reportRefusal(user, result, input.recoveryCode !== undefined ? "recovery" : "totp", client);
  return result;
}

/**
 * What a refused second factor owes the audit trail and the owner, whatever the method: the
 * failure is recorded; a block that follows it (the first since the last success) and a lock are
 * recorded and mailed to the owner. Throws only what the database throws.
 */
export async function reportRefusal(user: Account, result: VerifyResult, method: string, client: Client): Promise<void> {
  if (result.ok) return;
  if (result.reason === "invalid") {
    await record({ event: "two_factor.failed", userId: user.id, client, details: { method, ...(result.driftMinutes && { driftMinutes: result.driftMinutes }) } });
    if (result.consequence === "blocked") {
      // The first block since the last success means someone who knows the password is guessing codes.
      const first = await isFirstBlock(user.id);
      await reportedChange(async () => ({
        value: null,
        audit: { event: "two_factor.blocked", userId: user.id, client, details: { until: result.retryAt?.toISOString() } },
        mail: first ? renderMail("twoFactorBlocked", user, { time: mailTime(result.retryAt ?? new Date(), user.locale) }) : null,
      }));
    }
    if (result.consequence === "locked") {
      await reportedChange(async () => ({
        value: null,
        audit: { event: "two_factor.locked", userId: user.id, client },
        mail: renderMail("twoFactorLocked", user),
      }));
    }
  }
}

/**
 * A passkey at the second sign-in step or confirming a change (lib/two-factor/passkeys.ts, `holder`
 * keeps the challenge), with what each outcome owes:
 * a failure is recorded like a wrong code (and its block or lock mailed, reportRefusal); a signature
 * counter that did not grow is also recorded as `passkey.counter_refused` (a cloned authenticator).
 */
export async function checkPasskey(user: Account, holder: ChallengeHolder, response: unknown, client: Client): Promise<PasskeyResult> {
  const result = await verifyPasskeyAssertion(user.id, holder, response);
  if (result.ok || result.reason === "blocked" || result.reason === "locked" || result.reason === "not-enabled" || result.reason === "format") return result;
  if (result.counter) await record({ event: "passkey.counter_refused", userId: user.id, client, details: result.counter });
  await reportRefusal(user, { ok: false, reason: "invalid", retryAt: result.retryAt, consequence: result.consequence }, "passkey", client);
  return result;
}

export type Problem = { key: string; values?: Record<string, string | number | Date> };

/** The message (a key in messages/*.json under twoFactorErrors) that explains a refused code. */
export function problemOf(result: Extract<VerifyResult, { ok: false }>, recovery: boolean): Problem {
  switch (result.reason) {
    case "format":
      return { key: recovery ? "twoFactorErrors.recoveryFormat" : "twoFactorErrors.format" };
    case "blocked":
      return { key: "twoFactorErrors.blocked", values: { time: result.retryAt ?? new Date() } };
    case "locked":
      return { key: "twoFactorErrors.locked" };
    case "not-enabled":
      return { key: "twoFactorErrors.notEnabled" };
    case "invalid":
      if (result.consequence === "blocked") return { key: "twoFactorErrors.blocked", values: { time: result.retryAt ?? new Date() } };
      if (result.consequence === "locked") return { key: "twoFactorErrors.locked" };
      if (result.driftMinutes) return driftProblem(result.driftMinutes);
      return { key: recovery ? "twoFactorErrors.recoveryInvalid" : "twoFactorErrors.invalid" };
  }
}

export function driftProblem(driftMinutes: number): Problem {
  return { key: "twoFactorErrors.drift", values: { minutes: Math.abs(driftMinutes), direction: driftMinutes > 0 ? "ahead" : "behind" } };
}

/** The message (under twoFactorErrors or passkeys) that explains a refused passkey. */
export function passkeyProblemOf(result: Extract<PasskeyResult, { ok: false }>): Problem {
  if (result.reason === "blocked" || result.consequence === "blocked") return { key: "twoFactorErrors.blocked", values: { time: result.retryAt ?? new Date() } };
  if (result.reason === "locked" || result.consequence === "locked") return { key: "twoFactorErrors.locked" };
  if (result.reason === "not-enabled") return { key: "twoFactorErrors.notEnabled" };
  if (result.reason === "expired") return { key: "passkeys.errors.expired" };
  return { key: "passkeys.errors.refused" };
}
