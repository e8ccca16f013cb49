import { cookies, headers } from "next/headers";
import { z } from "zod";
import { record } from "../audit";
import { normalizeEmail } from "../email";
import { db } from "../db";
import { text } from "../form";
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, isLocale } from "../i18n/locales";
import { localized } from "../actions/problems";
import { checkSecondFactor, problemOf, type Problem } from "../two-factor/check";
import { browserDevices } from "./device";
import { signIn } from "./index";
import { noticeNewBrowser } from "./new-sign-in";
import { attemptPassword } from "./password-attempt";
import { finishPendingSignIn, pendingSignIn, startPendingSignIn } from "./pending";
import { clientOf } from "./request";
import { issueTicket } from "./sessions";
import { isTrustedBrowser, trustThisBrowser } from "./trusted-browser";

// The two sign-in steps (password, then the second factor), posted to the route handlers under
// app/api/sign-in/ (lib/auth/form-step.ts answers them). Each answers what the form shows, or where
// the browser goes next: a route handler answers with a few hundred bytes and renders no page, so
// the next page is rendered once, when the browser asks for it (issue 11's lean path).

/** Where the browser goes once a step succeeded: a path of this site; `reload` when the page must be loaded anew (its language changed). */
export type Next = { redirectTo?: string; reload?: boolean };

export type SignInState = Next & { email?: string; errors?: { email?: string; password?: string }; problem?: Problem };

// Shape only: wrong credentials are decided below, with one message for email and password alike.
const SignInInput = z.object({
  email: z.string().trim().min(1, "errors.emailRequired").refine((email) => normalizeEmail(email) !== null, "errors.emailInvalid"),
  password: z.string().min(1, "errors.passwordRequired"),
});

/**
 * The password step. Takes the posted form (email, password); answers field errors, "wrong email
 * or password" (one message for both), the throttle's wait (NIST SP 800-63B §5.2.2, counted in the
 * database per account and network), or where to go: /login/verify when the account has 2FA and
 * this is no trusted browser (a pending sign-in row and cookie are made; no session), else a
 * session is opened and the answer is "/". A password alone never opens a session for an account
 * with 2FA. Throws only what the database throws.
 */
export async function passwordStep(form: FormData): Promise<SignInState> {
  const email = text(form, "email").slice(0, 254);
  const input = SignInInput.safeParse({ email: text(form, "email"), password: text(form, "password") });
  if (!input.success) {
    const errors: SignInState["errors"] = {};
    for (const issue of input.error.issues) {
      const field = issue.path[0] as "email" | "password";
      errors[field] ??= issue.message;
    }
    return { email, errors };
  }
  const client = clientOf(await headers());
  const attempt = await attemptPassword(input.data.email, input.data.password, client, await browserDevices());
  if (!attempt.ok) {
    if (attempt.reason === "throttled") return { email, problem: await localized({ key: "signInProtection.throttled", values: { time: attempt.retryAt } }) };
    return { email, problem: { key: "signIn.invalid" } };
  }
  const user = attempt.user;

  const languageChanged = await rememberLanguage(user.id, user.locale);
  // A browser this account trusts skips the code step, never the password (lib/auth/trusted-browser.ts).
  const trusted = await isTrustedBrowser(user);
  if (user.twoFactorEnabledAt && !trusted) {
    await startPendingSignIn(user.id, client);
    // A new browser now speaks the account's language: the whole page, layout included, is loaded anew.
    return { redirectTo: "/login/verify", ...(languageChanged && { reload: true }) };
  }
  const newBrowser = await noticeNewBrowser(user, client);
  await record({ event: "sign_in", userId: user.id, client, details: { factors: trusted ? ["password", "trusted_browser"] : ["password"], newBrowser } });
  return { redirectTo: await openSession(user.id, "/") };
}

export type VerifyState = Next & { problem?: Problem; expired?: boolean };

/**
 * The second step: a TOTP code (RFC 6238, once per time step) or a recovery code, with "trust
 * this browser" when the policy offers it. Its user comes from the pending sign-in's row, never
 * from the form. Answers the refusal (wrong code, block, expired sign-in) or where to go: "/", or
 * the security page after a recovery code (with how many are left). The pending sign-in ends in
 * the one request that succeeds. Throws only what the database throws.
 */
export async function codeStep(form: FormData): Promise<VerifyState> {
  const pending = await pendingSignIn();
  if (!pending) return { problem: { key: "verify.expired" }, expired: true };
  const recovery = text(form, "method") === "recovery";
  const input = recovery ? { recoveryCode: text(form, "recoveryCode") } : { code: text(form, "code") };
  const client = clientOf(await headers());
  const result = await checkSecondFactor(pending.user, input, client, pending.user);
  if (!result.ok) return { problem: await localized(problemOf(result, recovery)) };
  if (!(await finishPendingSignIn(pending.tokenHash))) return { problem: { key: "verify.expired" }, expired: true };
  const newBrowser = await noticeNewBrowser(pending.user, client);
  await record({ event: "sign_in", userId: pending.user.id, client, details: { factors: ["password", result.method], newBrowser } });
  // The policy is read only when the box was ticked (in the transaction that trusts the browser): most sign-ins do not ask.
  if (text(form, "trust") === "1") await trustThisBrowser(pending.user, client);
  return { redirectTo: await openSession(pending.user.id, result.method === "recovery" ? `/settings/security?recovery=${result.remaining ?? 0}` : "/") };
}

/**
 * Opens the session of a user whose every factor was checked: a single-use ticket, redeemed by
 * next-auth's credentials provider (lib/auth/index.ts), which sets the session cookie. Returns
 * the path to go to: `to`, or the sign-in page when the ticket was refused.
 */
async function openSession(userId: string, to: string): Promise<string> {
  const answer = await signIn("ticket", { ticket: await issueTicket(userId), redirectTo: to, redirect: false });
  const url = new URL(String(answer), "http://local");
  return url.pathname + url.search;
}

/**
 * A language chosen in this browser is kept on the user (for mail); a new browser gets the user's.
 * Returns whether this browser's language changed (the cookie was set to the account's).
 */
async function rememberLanguage(userId: string, saved: string): Promise<boolean> {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    if (chosen !== saved) await db.user.update({ where: { id: userId }, data: { locale: chosen } });
    return false;
  }
  if (!isLocale(saved)) return false;
  jar.set(LOCALE_COOKIE, saved, LOCALE_COOKIE_OPTIONS);
  return true;
}
