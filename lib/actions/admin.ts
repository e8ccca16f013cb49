"use server";

import { revalidatePath } from "next/cache";
import { problem } from "./problems";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { REQUEST_ANSWER_MAX } from "../admin/identity-checks";
import { askForInformation, closeResetRequest, requester } from "../admin/requests";
import { requireAdmin } from "../auth/guard";
import { clientOf } from "../auth/request";
import { db } from "../db";
import { fieldsWithIssues, isId, text, texts } from "../form";
import { renderMail } from "../mail/templates";
import { sendDueReminders } from "../reminders";
import { previewPolicy } from "../rollout/preview";
import { policyChangeAudit, policySettings, savePolicySettings, SETTING_GROUPS, settingsInput, type RolloutSetting } from "../settings";
import type { Problem } from "../two-factor/check";
import * as support from "../support";
import { reportedChange } from "../reported-change";

const Id = z.string().refine(isId);
const TARGET = { id: true, email: true, name: true, locale: true, twoFactorEnabledAt: true, secondFactorLockedAt: true } as const;

const malformed = { error: problem("errors.malformed") };
const tooLong = (error: z.ZodError, field: string) => error.issues.some((i) => i.path[0] === field && i.code === "too_big");

/** The account named by the form's userId: admins act on any account, so the id is all that is read. */
async function targetOf(form: unknown) {
  const id = Id.safeParse(text(form, "userId"));
  return id.success ? db.user.findUnique({ where: { id: id.data }, select: TARGET }) : null;
}

export type SupportState = { error?: Problem; done?: { signedOut?: number } };

/** Lifts the lock that too many wrong codes put on an account's second factor. */
export async function unlockTwoFactor(_: SupportState, form: FormData): Promise<SupportState> {
  const admin = await requireAdmin();
  const user = await targetOf(form);
  if (!user) return malformed;
  if (!user.secondFactorLockedAt) return { error: problem("console.unlock.errors.notLocked") };
  await support.unlockTwoFactor(user, { actorId: admin.id, client: clientOf(await headers()) });
  revalidatePath("/admin", "layout");
  return { done: {} };
}

/** Ends every session of the account, for example when a device was lost or stolen. */
export async function signOutEverywhere(_: SupportState, form: FormData): Promise<SupportState> {
  const admin = await requireAdmin();
  const user = await targetOf(form);
  if (!user) return malformed;
  const { signedOut } = await support.signOutEverywhere(user, { actorId: admin.id, client: clientOf(await headers()) });
  revalidatePath("/admin", "layout");
  return { done: { signedOut } };
}

export type AnswerState = { error?: Problem; errors?: { message?: Problem }; values?: { message: string } };

const AnswerInput = z.object({
  requestId: Id,
  outcome: z.enum(["resolved", "rejected", "info"]),
  message: z.string().trim().min(1).max(REQUEST_ANSWER_MAX),
});

/** Closes a "lost access" request and mails the answer to the address it came from. */
export async function answerResetRequest(_: AnswerState, form: FormData): Promise<AnswerState> {
  const admin = await requireAdmin();
  const values = { message: text(form, "message") };
  const input = AnswerInput.safeParse({ requestId: text(form, "requestId"), outcome: text(form, "outcome"), ...values });
  if (!input.success) {
    const bad = fieldsWithIssues(input.error);
    if (bad.has("requestId") || bad.has("outcome")) return malformed;
    return { values, errors: { message: problem(tooLong(input.error, "message") ? "console.requests.errors.messageTooLong" : "console.requests.errors.message") } };
  }
  const { requestId, outcome, message } = input.data;
  const client = clientOf(await headers());
  const request = await reportedChange(async (tx) => {
    // "info" asks the person for more: the request stays open.
    const request = outcome === "info" ? await askForInformation(requestId, message, tx) : await closeResetRequest(requestId, outcome, message, admin.id, tx);
    if (!request) return { value: null };
    const event = outcome === "info" ? "reset_request.info_requested" : outcome === "resolved" ? "reset_request.resolved" : "reset_request.rejected";
    const template = outcome === "info" ? "resetRequestInfo" : outcome === "resolved" ? "resetRequestResolved" : "resetRequestRejected";
    return {
      value: request,
      audit: { event, userId: request.userId, actorId: admin.id, client, details: { requestId, reference: request.reference, message } },
      mail: renderMail(template, await requester(request, tx), { message, reference: request.reference ?? "none" }),
    };
  });
  if (!request) return { values, error: problem("console.requests.errors.closed") };
  revalidatePath("/admin", "layout");
  redirect(`/admin/requests?answered=${outcome}`);
}

export type PolicyState = {
  errors?: Partial<Record<RolloutSetting, Problem>>;
  values?: Record<RolloutSetting, string>;
  saved?: boolean;
  /** What the settings typed would do today, before they are saved. */
  preview?: { before: number; after: number };
};

/**
 * Changes the rollout settings (every field at once; a bad field saves nothing), or with
 * `intent=preview` only counts what they would change today.
 */
export async function savePolicy(_: PolicyState, form: FormData): Promise<PolicyState> {
  const admin = await requireAdmin();
  const names = SETTING_GROUPS.rollout;
  const values = Object.fromEntries(names.map((n) => [n, text(form, n).trim()])) as Record<RolloutSetting, string>;
  const input = settingsInput("rollout").safeParse(values);
  if (!input.success) {
    const bad = fieldsWithIssues(input.error);
    return { values, errors: Object.fromEntries(names.filter((n) => bad.has(n)).map((n) => [n, problem(`console.settings.errors.${n}`)])) };
  }
  if (text(form, "intent") === "preview") {
    const current = await policySettings();
    return { values, preview: await previewPolicy(current, { ...current, ...input.data }) };
  }
  await savePolicySettings(input.data, admin.id, policyChangeAudit("rollout", admin.id, clientOf(await headers())));
  revalidatePath("/admin", "layout");
  return { saved: true };
}

export type RemindersState = { sent?: number };

/** Mails the reminders that are due now, rather than waiting for the daily run. */
export async function sendRemindersNow(_: RemindersState): Promise<RemindersState> {
  const admin = await requireAdmin();
  const { sent } = await sendDueReminders(new Date(), { actorId: admin.id, client: clientOf(await headers()) });
  return { sent };
}
