"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { policyNow, requireUser } from "../auth/guard";
import { mayDisable } from "../policy";
import { snooze } from "../rollout/snooze";
import { checkIdentity, type IdentityErrors } from "../auth/confirm-identity";
import { clientOf } from "../auth/request";
import { identityConfirmedRecently, markIdentityConfirmed } from "../auth/sessions";
import { db } from "../db";
import { text } from "../form";
import { driftProblem, type Problem } from "../two-factor/check";
import { completeEnrollment, disableTwoFactor, regenerateRecoveryCodes } from "../two-factor/manage";
import { issuedBefore, keepIssued, newSubmission } from "../two-factor/issued";

export type ConfirmState = { errors?: IdentityErrors };

export async function confirmIdentity(_: ConfirmState, form: FormData): Promise<ConfirmState> {
  const user = await requireUser({ enrolling: true });
  const checked = await checkIdentity(form, user);
  if (checked.errors) return { errors: checked.errors };
  await markIdentityConfirmed(user.sessionId, new Date(), checked.confirmedWith);
  // Started the wizard: counted by the funnel, and "abandoned" while 2FA stays off.
  if (!user.twoFactorEnabledAt && !user.wizardStartedAt) await db.user.update({ where: { id: user.id }, data: { wizardStartedAt: new Date() } });
  redirect("/two-factor/setup");
}

export type EnrollState = { error?: Problem; expired?: boolean; done?: { changed: boolean; added: boolean; codes: string[] | null; email: string; signedOut: number } };

export async function confirmEnrollment(_: EnrollState, form: FormData): Promise<EnrollState> {
  const user = await requireUser({ enrolling: true });
  const submission = text(form, "submission");
  const again = await issuedBefore<EnrollState>(user.sessionId, submission);
  if (again) return again;
  if (!identityConfirmedRecently(user.identityConfirmedAt)) return { error: { key: "twoFactorErrors.confirmExpired" }, expired: true };
  const result = await completeEnrollment(user, text(form, "code"), { client: clientOf(await headers()), sessionId: user.sessionId, accessCodeId: user.wizardOnly ? user.accessCodeId : null, confirmedWith: user.identityConfirmedWith });
  if (!result.ok) {
    if (result.reason === "format") return { error: { key: "twoFactorErrors.format" } };
    if (result.reason === "expired") return { error: { key: "twoFactorErrors.confirmExpired" }, expired: true };
    return { error: result.driftMinutes ? driftProblem(result.driftMinutes) : { key: "twoFactorErrors.invalid" } };
  }
  await markIdentityConfirmed(user.sessionId, null);
  const answer: EnrollState = { done: { changed: result.changed, added: result.added, codes: result.recoveryCodes, email: user.email, signedOut: result.signedOut } };
  await keepIssued(user.sessionId, submission, answer);
  return answer;
}

/** Leaves the wizard: the half-enrolled secret is dropped and 2FA stays as it was. */
export async function cancelSetup() {
  const user = await requireUser({ enrolling: true });
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: null, totpPendingCreatedAt: null } });
  await markIdentityConfirmed(user.sessionId, null);
  redirect(user.twoFactorEnabledAt ? "/settings/security" : "/");
}

/** The changes the security page's dialog confirms (components/two-factor/security-forms.tsx). */
const SECURITY_OPERATIONS = ["regenerate", "change", "addApp", "disable"] as const;
export type SecurityOperation = (typeof SECURITY_OPERATIONS)[number];
const isSecurityOperation = (value: string): value is SecurityOperation => (SECURITY_OPERATIONS as readonly string[]).includes(value);

/** `submission`: the id the form carries next (a new one after each issued result). */
export type SecurityState = ConfirmState & { codes?: string[]; disabled?: boolean; signedOut?: number; submission?: string };

export async function changeTwoFactor(_: SecurityState, form: FormData): Promise<SecurityState> {
  const user = await requireUser();
  const operation = text(form, "operation");
  const submission = text(form, "submission");
  const again = await issuedBefore<SecurityState>(user.sessionId, submission);
  if (again) return again;
  if (!user.twoFactorEnabledAt) return { errors: { code: { key: "twoFactorErrors.notEnabled" } } };
  // What cannot be done is refused before the password and the second factor are checked: a
  // refused change never spends a single-use recovery code.
  if (!isSecurityOperation(operation)) return { errors: { code: { key: "errors.malformed" } } };
  if (operation === "disable" && !mayDisable(user, await policyNow())) return { errors: { code: { key: "rollout.cannotDisable" } } };
  const checked = await checkIdentity(form, user);
  if (checked.errors) return { errors: checked.errors };
  const context = { client: clientOf(await headers()), sessionId: user.sessionId, confirmedWith: checked.confirmedWith };
  switch (operation) {
    case "regenerate": {
      const { codes, signedOut } = await regenerateRecoveryCodes(user, context);
      const answer: SecurityState = { codes, signedOut, submission: newSubmission() };
      await keepIssued(user.sessionId, submission, answer);
      // The page behind the dialog shows how many codes are left: render it again with the answer.
      revalidatePath("/settings/security");
      return answer;
    }
    // An account enrolled with a passkey only adds its first app the way others change theirs.
    case "change":
    case "addApp":
      await markIdentityConfirmed(user.sessionId, new Date(), checked.confirmedWith);
      redirect("/two-factor/setup");
    case "disable": {
      await disableTwoFactor(user, context);
      // A confirmation left from an earlier change (the wizard's) does not carry over to the next enrollment.
      await markIdentityConfirmed(user.sessionId, null);
      // Status, cards and the banner in the layout all change: a fresh page that says what happened.
      revalidatePath("/", "layout");
      redirect("/settings/security?changed=off");
    }
  }
}

/** "Remind me later", offered after the date while the user has snoozes left (lib/rollout/snooze.ts). */
export async function deferEnrollment() {
  const user = await requireUser({ enrolling: true });
  const done = await snooze(user, await policyNow(), clientOf(await headers()));
  if (!done) redirect("/two-factor/setup");
  // The banner lives in the root layout, which a redirect alone does not render again.
  revalidatePath("/", "layout");
  redirect("/");
}
