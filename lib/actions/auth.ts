"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { record } from "../audit";
import { auth, signIn, signOut } from "../auth";
import { browserDevices } from "../auth/device";
import { noticeNewBrowser } from "../auth/new-sign-in";
import { attemptPassword } from "../auth/password-attempt";
import { abandonPendingSignIn, finishPendingSignIn, pendingSignIn, startPendingSignIn } from "../auth/pending";
import { clientOf } from "../auth/request";
import { endSession, issueTicket } from "../auth/sessions";
import { isTrustedBrowser, trustThisBrowser, trustedBrowserDaysFor } from "../auth/trusted-browser";
import { db } from "../db";
import { text } from "../form";
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, isLocale } from "../i18n/locales";
import { checkSecondFactor, problemOf, type Problem } from "../two-factor/check";
import { normalizeEmail } from "../email";
import { localized } from "./problems";

export type SignInState = { email?: string; errors?: { email?: string; password?: string }; error?: string; problem?: Problem };

// Shape only: wrong credentials are decided below, with one message for email and password alike.
const SignInInput = z.object({
  email: z.string().trim().min(1, "errors.emailRequired").refine((email) => normalizeEmail(email) !== null, "errors.emailInvalid"),
  password: z.string().min(1, "errors.passwordRequired"),
});

export async function signInWithPassword(_: SignInState, form: FormData): Promise<SignInState> {
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
    return { email, error: "signIn.invalid" };
  }
  const user = attempt.user;

  await rememberLanguage(user.id, user.locale);
  // A browser this account trusts skips the code step, never the password (lib/auth/trusted-browser.ts).
  const trusted = await isTrustedBrowser(user);
  if (user.twoFactorEnabledAt && !trusted) {
    await startPendingSignIn(user.id, client);
    redirect("/login/verify");
  }
  const newBrowser = await noticeNewBrowser(user, client);
  await record({ event: "sign_in", userId: user.id, client, details: { factors: trusted ? ["password", "trusted_browser"] : ["password"], newBrowser } });
  await signIn("ticket", { ticket: await issueTicket(user.id), redirectTo: "/" });
  return {};
}

export type VerifyState = { error?: Problem; expired?: boolean };

/** The second sign-in step. Its user comes from the pending sign-in's row, never from the form. */
export async function verifySignIn(_: VerifyState, form: FormData): Promise<VerifyState> {
  const pending = await pendingSignIn();
  if (!pending) return { error: { key: "verify.expired" }, expired: true };
  const recovery = text(form, "method") === "recovery";
  const input = recovery ? { recoveryCode: text(form, "recoveryCode") } : { code: text(form, "code") };
  const client = clientOf(await headers());
  const result = await checkSecondFactor(pending.user, input, client);
  if (!result.ok) return { error: await localized(problemOf(result, recovery)) };
  if (!(await finishPendingSignIn(pending.tokenHash))) return { error: { key: "verify.expired" }, expired: true };
  const newBrowser = await noticeNewBrowser(pending.user, client);
  await record({ event: "sign_in", userId: pending.user.id, client, details: { factors: ["password", result.method], newBrowser } });
  const days = await trustedBrowserDaysFor(pending.user);
  if (days > 0 && text(form, "trust") === "1") await trustThisBrowser(pending.user, client, days);
  const redirectTo = result.method === "recovery" ? `/settings/security?recovery=${result.remaining ?? 0}` : "/";
  await signIn("ticket", { ticket: await issueTicket(pending.user.id), redirectTo });
  return {};
}

export async function startOver() {
  await abandonPendingSignIn();
  redirect("/login");
}

/** A language chosen in this browser is kept on the user (for mail); a new browser gets the user's. */
async function rememberLanguage(userId: string, saved: string) {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    if (chosen !== saved) await db.user.update({ where: { id: userId }, data: { locale: chosen } });
  } else if (isLocale(saved)) {
    jar.set(LOCALE_COOKIE, saved, LOCALE_COOKIE_OPTIONS);
  }
}


export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await endSession(session.sid);
  await signOut({ redirectTo: "/login" });
}
