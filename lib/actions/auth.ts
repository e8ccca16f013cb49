"use server";

import { redirect } from "next/navigation";
import { auth, signOut } from "../auth";
import { abandonPendingSignIn } from "../auth/pending";
import { endSession } from "../auth/sessions";

// The two sign-in steps are route handlers (app/api/sign-in/, lib/auth/sign-in.ts): they answer
// without rendering a page. What is left here are the two ways out.

/** Ends this browser's pending sign-in (after the password, before the second factor) and goes back to /login. */
export async function startOver() {
  await abandonPendingSignIn();
  redirect("/login");
}

/** Ends this session (its row, so the cookie is worthless even if copied) and signs out. */
export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await endSession(session.sid);
  await signOut({ redirectTo: "/login" });
}
