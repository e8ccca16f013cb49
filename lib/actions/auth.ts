"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { auth, signIn, signOut } from "../auth";
import { verifyPassword } from "../auth/password";
import { endSession, issueTicket } from "../auth/sessions";
import { db } from "../db";
import { LOCALE_COOKIE, isLocale } from "../i18n/locales";
import { findUserByEmail } from "../users";
import { text } from "../form";

export type SignInState = { email?: string; errors?: { email?: string; password?: string }; error?: string };

// Shape only: wrong credentials are decided below, with one message for email and password alike.
const SignInInput = z.object({
  email: z.string().trim().min(1, "errors.emailRequired").max(254, "errors.emailInvalid").email("errors.emailInvalid"),
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
  const user = await findUserByEmail(input.data.email);
  const ok = await verifyPassword(input.data.password, user?.passwordHash ?? null);
  if (!user || !ok) return { email, error: "signIn.invalid" };

  await rememberLanguage(user.id, user.locale);
  const ticket = await issueTicket(user.id);
  await signIn("ticket", { ticket, redirectTo: "/" });
  return {};
}

/** A language chosen in this browser is kept on the user (for mail); a new browser gets the user's. */
async function rememberLanguage(userId: string, saved: string) {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    if (chosen !== saved) await db.user.update({ where: { id: userId }, data: { locale: chosen } });
  } else if (isLocale(saved)) {
    jar.set(LOCALE_COOKIE, saved, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
  }
}


export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await endSession(session.sid);
  await signOut({ redirectTo: "/login" });
}
