import { headers } from "next/headers";
import { localized } from "../actions/problems";
import { jsonField, text } from "../form";
import { checkPasskey, checkSecondFactor, passkeyProblemOf, problemOf, readEitherCode, type Problem } from "../two-factor/check";
import { browserDevices } from "./device";
import type { CurrentUser } from "./guard";
import { attemptPassword } from "./password-attempt";
import { clientOf } from "./request";
import type { ConfirmationFactor } from "./sessions";

export type IdentityErrors = { password?: Problem; code?: Problem; passkey?: Problem };

/** What checkIdentity found: the errors to show, or the second factor that confirmed (null: the password alone was asked). */
export type IdentityCheck = { errors: IdentityErrors; confirmedWith?: undefined } | { errors?: undefined; confirmedWith: ConfirmationFactor | null };

/**
 * Re-enters the password (and, when 2FA is on, a current code, a recovery code or a passkey) before
 * a security change, read from the form's `password` and `code` fields, or `passkey` (the browser's
 * answer to passkeyConfirmationOptions, whose challenge this session keeps) in place of the code.
 * The password counts against the same throttle as at sign-in, the code or passkey against the
 * second-factor throttle. Returns the errors to show, or, when both were right, which second factor
 * confirmed (for the audit trail).
 */
export async function checkIdentity(form: FormData, user: CurrentUser): Promise<IdentityCheck> {
  const passwordProblem = await checkPassword(text(form, "password"), user);
  if (passwordProblem) return { errors: { password: passwordProblem } };
  // A session opened with a temporary access code already passed its second factor, which the owner lost.
  if (!user.twoFactorEnabledAt || user.wizardOnly) return { confirmedWith: null };
  const client = clientOf(await headers());
  if (text(form, "passkey")) {
    const assertion = await checkPasskey(user, { session: user.sessionId }, jsonField(form, "passkey"), client);
    return assertion.ok ? { confirmedWith: "passkey" } : { errors: { passkey: await localized(passkeyProblemOf(assertion)) } };
  }
  const input = readEitherCode(text(form, "code"));
  const result = await checkSecondFactor(user, input, client);
  if (result.ok) return { confirmedWith: result.method };
  // One field takes either code; a malformed entry is explained as the app's 6-digit code.
  const recovery = "recoveryCode" in input && result.reason !== "format";
  return { errors: { code: await localized(problemOf(result, recovery)) } };
}

/**
 * The signed-in user's password, re-entered: counted against the same throttle as at sign-in (per
 * account and network, NIST SP 800-63B §5.2.2). Takes what the form sent; returns null when it is
 * right, else what to say on the password field (missing, wrong, or the throttle's wait).
 */
export async function checkPassword(password: unknown, user: Pick<CurrentUser, "email">): Promise<Problem | null> {
  if (typeof password !== "string" || !password) return { key: "errors.passwordRequired" };
  const attempt = await attemptPassword(user.email, password, clientOf(await headers()), await browserDevices());
  if (attempt.ok) return null;
  if (attempt.reason === "throttled") return localized({ key: "signInProtection.throttled", values: { time: attempt.retryAt } });
  return { key: "twoFactorErrors.passwordWrong" };
}
