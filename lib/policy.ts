// Who must enroll, and when: one pure function of the user, the policy and the time.
export type Policy = { requiredFrom: Date; graceDays: number };
export type PolicyUser = { role: string; twoFactorEnabledAt: Date | null; enrollmentDeferredUntil: Date | null };

export type RolloutState =
  | { kind: "enrolled" }
  /** Before the date: 2FA is optional; a banner counts the days down. */
  | { kind: "optional"; daysLeft: number }
  /** Past the date, within the grace period: the wizard is shown, and "Remind me later" offered. */
  | { kind: "grace"; daysLeft: number }
  /** The user chose "Remind me later" during the grace period. */
  | { kind: "deferred"; daysLeft: number }
  /** Enrollment is required before anything else. */
  | { kind: "required" };

const DAY_MS = 86_400_000;

export function daysUntil(date: Date, now: number): number {
  return Math.max(0, Math.ceil((date.getTime() - now) / DAY_MS));
}

export function graceEnds(policy: Policy): Date {
  return new Date(policy.requiredFrom.getTime() + policy.graceDays * DAY_MS);
}

export function rolloutState(user: PolicyUser, policy: Policy, now = Date.now()): RolloutState {
  if (user.twoFactorEnabledAt) return { kind: "enrolled" };
  // Admins hold the keys to everyone's accounts: they need 2FA whatever the date.
  if (user.role === "admin") return { kind: "required" };
  if (now < policy.requiredFrom.getTime()) return { kind: "optional", daysLeft: daysUntil(policy.requiredFrom, now) };
  const end = graceEnds(policy);
  if (now >= end.getTime()) return { kind: "required" };
  const daysLeft = daysUntil(end, now);
  const deferred = user.enrollmentDeferredUntil && user.enrollmentDeferredUntil.getTime() > now;
  return deferred ? { kind: "deferred", daysLeft } : { kind: "grace", daysLeft };
}

/** True when the user may reach nothing but the wizard (and sign-out, and the language). */
export function mustEnroll(state: RolloutState): boolean {
  return state.kind === "required" || state.kind === "grace";
}

/** Turning 2FA off is offered only while it is optional, and never to admins. */
export function mayDisable(user: PolicyUser, policy: Policy, now = Date.now()): boolean {
  return user.role !== "admin" && now < policy.requiredFrom.getTime();
}
