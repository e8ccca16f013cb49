import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { mustEnroll, rolloutState, settledRolloutState } from "../policy";
import { currentPolicy } from "../settings";
import { auth } from "./index";
import { sessionUser } from "./sessions";

/** The signed-in user, checked against the session table on every request (revocation works). */
export const currentUser = cache(async () => {
  const session = await auth();
  return sessionUser(session?.sid);
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

export const policyNow = cache(currentPolicy);

/** The user's place in the rollout, for pages that show it (banner, wizard). */
export async function rolloutOf(user: CurrentUser) {
  // Most requests come from enrolled users, whose state needs no read of the policy.
  return settledRolloutState(user) ?? rolloutState(user, await policyNow());
}

/**
 * Every page and action starts here. A user who must enroll reaches only the wizard
 * (`{ enrolling: true }`); sign-out and the language switch do not call this.
 */
export async function requireUser(options: { enrolling?: boolean } = {}): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  // A session opened with a temporary access code reaches only the wizard, whatever the rollout.
  if (!options.enrolling && (user.wizardOnly || mustEnroll(await rolloutOf(user)))) redirect("/two-factor/setup");
  return user;
}

/** Who may use the admin pages, actions and routes: admins, once they have their own 2FA (not a temporary access code). */
export function isAdmin(user: Pick<CurrentUser, "role" | "twoFactorEnabledAt"> & { wizardOnly?: boolean }): boolean {
  return user.role === "admin" && !!user.twoFactorEnabledAt && !user.wizardOnly;
}

/** Admins always have 2FA (requireUser sends them to the wizard until they do). */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isAdmin(user)) forbidden();
  return user;
}
