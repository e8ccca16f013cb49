"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { IDENTITY_CHECKS, RESET_REASON_MAX } from "../admin/identity-checks";
import { record } from "../audit";
import { signIn } from "../auth";
import { requireAdmin } from "../auth/guard";
import { noticeNewBrowser } from "../auth/new-sign-in";
import { finishPendingSignIn, pendingSignIn } from "../auth/pending";
import { clientOf } from "../auth/request";
import { issueTicket } from "../auth/sessions";
import { db } from "../db";
import { fieldsWithIssues, isId, text, texts } from "../form";
import { recoverySettings } from "../recovery-settings";
import { policyChangeAudit, savePolicySettings, settingsInput } from "../settings";
import { approveRecovery, declineRecovery, disownRecovery, reportAccessCodeUse, revokeAccessCode, startRecovery, type RecoveryOutcome } from "../support-recovery";
import { problemOf, reportRefusal, type Problem } from "../two-factor/check";
import { redeemAccessCode } from "../two-factor/temporary-access";
import { localized, problem } from "./problems";


export type AccessCodeSignInState = { error?: Problem; expired?: boolean };

/** The second sign-in step with a temporary access code: the session it opens reaches only the wizard. */
export async function verifyWithAccessCode(_: AccessCodeSignInState, form: FormData): Promise<AccessCodeSignInState> {
  const pending = await pendingSignIn();
  if (!pending) return { error: problem("verify.expired"), expired: true };
  const client = clientOf(await headers());
  const result = await redeemAccessCode(pending.user.id, text(form, "accessCode"));
  if (!result.ok) {
    await reportRefusal(pending.user, result, "access_code", client);
    if (result.reason === "format") return { error: problem("recovery.verify.format") };
    if (result.reason === "invalid" && !result.consequence) return { error: problem("recovery.verify.invalid") };
    return { error: await localized(problemOf(result, false)) };
  }
  await reportAccessCodeUse(pending.user, result.recoveryId, client);
  if (!(await finishPendingSignIn(pending.tokenHash))) return { error: problem("verify.expired"), expired: true };
  const newBrowser = await noticeNewBrowser(pending.user, client);
  await record({ event: "sign_in", userId: pending.user.id, client, details: { factors: ["password", "temporary_access"], newBrowser } });
  await signIn("ticket", { ticket: await issueTicket(pending.user.id, result.recoveryId), redirectTo: "/two-factor/setup" });
  return {};
}

export type RecoveryFormState = {
  error?: Problem;
  errors?: { verification?: Problem; reason?: Problem; hours?: Problem };
  values?: { verification: string[]; reason: string; hours: string };
  done?: { pending: boolean; code?: string; expiresAt?: string; signedOut?: number };
};

const RecoveryForm = z.object({
  kind: z.enum(["access_code", "reset"]),
  verification: z.array(z.enum(IDENTITY_CHECKS)).min(1),
  reason: z.string().trim().min(1).max(RESET_REASON_MAX),
  hours: z.string().trim().regex(/^\d{1,3}$/).transform(Number),
});

const OUTCOME_PROBLEMS: Record<Extract<RecoveryOutcome, { ok: false }>["reason"], string> = {
  self: "recovery.errors.self",
  own: "recovery.errors.own",
  "not-enabled": "recovery.errors.notEnabled",
  lifetime: "recovery.errors.hours",
  verification: "recovery.errors.verification",
  gone: "recovery.errors.gone",
  pending: "recovery.errors.pending",
};

function answerOf(outcome: RecoveryOutcome): RecoveryFormState {
  if (!outcome.ok) return { error: problem(OUTCOME_PROBLEMS[outcome.reason]) };
  if (outcome.pending) return { done: { pending: true } };
  return { done: { pending: false, code: outcome.code, expiresAt: outcome.expiresAt?.toISOString(), signedOut: outcome.signedOut } };
}

/**
 * Support issues a temporary access code (or, `kind=reset`, the old hard reset) for the account
 * named by the form, after recording how identity was checked and why. Waits for a second admin
 * when the settings ask it; otherwise the code is answered to this admin only, once.
 */
export async function startSupportRecovery(_: RecoveryFormState, form: FormData): Promise<RecoveryFormState> {
  const admin = await requireAdmin();
  const values = { verification: texts(form, "verification"), reason: text(form, "reason"), hours: text(form, "hours") || "1" };
  const input = RecoveryForm.safeParse({ ...values, kind: text(form, "kind") });
  if (!input.success) {
    const bad = fieldsWithIssues(input.error);
    if (bad.has("kind")) return { error: problem("errors.malformed") };
    return {
      values,
      errors: {
        verification: bad.has("verification") ? problem("recovery.errors.verification") : undefined,
        reason: bad.has("reason") ? problem(text(form, "kind") === "reset" ? "console.reset.errors.reason" : "recovery.errors.reason") : undefined,
        hours: bad.has("hours") ? problem("recovery.errors.hours", { max: (await recoverySettings()).maxCodeHours }) : undefined,
      },
    };
  }
  const userId = text(form, "userId");
  const user = isId(userId) ? await db.user.findUnique({ where: { id: userId } }) : null;
  if (!user) return { error: problem("errors.malformed") };
  const { kind, verification, reason, hours } = input.data;
  // No revalidation: the page keeps this form mounted, so the code stays on screen, once.
  const outcome = await startRecovery(user, { kind, verification, reason, lifetimeHours: hours }, { actor: { id: admin.id, name: admin.name }, client: clientOf(await headers()) });
  if (!outcome.ok && outcome.reason === "lifetime") return { values, errors: { hours: problem("recovery.errors.hours", { max: (await recoverySettings()).maxCodeHours }) } };
  return outcome.ok ? answerOf(outcome) : { values, ...answerOf(outcome) };
}

export type ApprovalState = { error?: Problem; done?: { approved: boolean; code?: string; expiresAt?: string; signedOut?: number } };

/** A second admin approves or declines a pending recovery (the button says which); the code goes to the approver only. */
export async function decideSupportRecovery(_: ApprovalState, form: FormData): Promise<ApprovalState> {
  const admin = await requireAdmin();
  const recoveryId = text(form, "recoveryId");
  const decision = text(form, "decision");
  if (!isId(recoveryId) || (decision !== "approve" && decision !== "decline")) return { error: problem("errors.malformed") };
  const client = clientOf(await headers());
  if (decision === "decline") {
    // No revalidation, as for an approval: the card stays to say what was done; the next visit drops it.
    const declined = await declineRecovery(recoveryId, { id: admin.id, name: admin.name }, client);
    return declined ? { done: { approved: false } } : { error: problem("recovery.errors.gone") };
  }
  const outcome = await approveRecovery(recoveryId, { id: admin.id, name: admin.name }, client);
  const answer = answerOf(outcome);
  if (answer.error) return { error: answer.error };
  return { done: { approved: true, code: answer.done?.code, expiresAt: answer.done?.expiresAt, signedOut: answer.done?.signedOut } };
}

export type RevokeState = { error?: Problem; done?: boolean };

/** Revokes the account's active (or pending) temporary access code. */
export async function revokeTemporaryAccess(_: RevokeState, form: FormData): Promise<RevokeState> {
  const admin = await requireAdmin();
  const userId = text(form, "userId");
  if (!isId(userId)) return { error: problem("errors.malformed") };
  // No revalidation: the panel stays mounted to say the code was revoked.
  const revoked = await revokeAccessCode(userId, { id: admin.id, name: admin.name }, clientOf(await headers()));
  return revoked ? { done: true } : { error: problem("recovery.errors.noCode") };
}

export type RecoverySettingsState = { errors?: { maxCodeHours?: Problem; secondAdmin?: Problem }; values?: { maxCodeHours: string; secondAdmin: string }; saved?: boolean };

/** Saves the maximum lifetime of a temporary access code and whether recovery needs a second admin. */
export async function saveRecoverySettingsAction(_: RecoverySettingsState, form: FormData): Promise<RecoverySettingsState> {
  const admin = await requireAdmin();
  const values = { maxCodeHours: text(form, "maxCodeHours").trim(), secondAdmin: text(form, "secondAdmin") };
  const input = settingsInput("recovery").safeParse(values);
  if (!input.success) {
    const bad = fieldsWithIssues(input.error);
    return { values, errors: { maxCodeHours: bad.has("maxCodeHours") ? problem("recovery.settings.errors.maxCodeHours") : undefined, secondAdmin: bad.has("secondAdmin") ? problem("errors.malformed") : undefined } };
  }
  await savePolicySettings(input.data, admin.id, policyChangeAudit("recovery", admin.id, clientOf(await headers())));
  revalidatePath("/admin", "layout");
  return { saved: true };
}

export type DisownState = { done?: boolean; locked?: boolean; error?: Problem };

/** "This wasn't me": works without signing in; the signed token in the form is all it reads. */
export async function disownAction(_: DisownState, form: FormData): Promise<DisownState> {
  const outcome = await disownRecovery(text(form, "token"), clientOf(await headers()));
  if (outcome.ok) return { done: true, locked: outcome.locked };
  return { error: problem(outcome.reason === "used" ? "recovery.notMe.used" : "recovery.notMe.invalid") };
}
