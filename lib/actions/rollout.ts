"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { requireAdmin, requireUser } from "../auth/guard";
import { clientOf } from "../auth/request";
import { isCalendarDay, startOfDayIn } from "../dates";
import { db } from "../db";
import { isId, text, texts } from "../form";
import { sendRemindersTo } from "../reminders";
import { checkupDue, recordCheckup } from "../rollout/checkup";
import { EXCEPTION_REASON_MAX, extendDeadline, setExemption } from "../rollout/exceptions";
import { currentPolicy } from "../settings";
import { checkSecondFactor, problemOf, type Problem } from "../two-factor/check";
import { localized } from "./problems";

const problem = (key: string): Problem => ({ key });
const malformed = { error: problem("errors.malformed") };
const Reason = z.string().trim().min(1).max(EXCEPTION_REASON_MAX);
const reasonProblem = (value: string) => problem(value.trim().length > EXCEPTION_REASON_MAX ? "console.exceptions.errors.reasonTooLong" : "console.exceptions.errors.reason");

export type CheckupState = { error?: Problem; errors?: { code?: Problem; recoveryCodes?: Problem }; done?: { hasRecoveryCodes: boolean } };

/** The 28-day check-up: a current code from the app, and whether the recovery codes are still at hand. */
export async function completeCheckup(_: CheckupState, form: FormData): Promise<CheckupState> {
  const answer = text(form, "recoveryCodes");
  if (answer !== "kept" && answer !== "lost") return { errors: { recoveryCodes: problem("rolloutPolicy.checkup.chooseCodes") } };
  const user = await requireUser();
  if (!checkupDue(user)) return { done: { hasRecoveryCodes: answer === "kept" } };
  const client = clientOf(await headers());
  const result = await checkSecondFactor(user, { code: text(form, "code") }, client);
  if (!result.ok) return { errors: { code: await localized(problemOf(result, false)) } };
  await recordCheckup(user.id, answer === "kept", client);
  // No revalidation: the card stays to show its answer; the next visit no longer shows it.
  return { done: { hasRecoveryCodes: answer === "kept" } };
}

const EXCEPTION_TARGET = { id: true, email: true, name: true, locale: true, role: true, twoFactorEnabledAt: true, personalDeadline: true } as const;

async function targetOf(form: unknown) {
  const id = text(form, "userId");
  return isId(id) ? db.user.findUnique({ where: { id }, select: EXCEPTION_TARGET }) : null;
}

export type ExtendState = { error?: Problem; errors?: { until?: Problem; reason?: Problem }; values?: { until: string; reason: string }; done?: boolean };

/** Support gives one account a later deadline (a day in the rollout's zone), with a reason: audited, mailed. */
export async function extendUserDeadline(_: ExtendState, form: FormData): Promise<ExtendState> {
  const admin = await requireAdmin();
  const values = { until: text(form, "until").trim(), reason: text(form, "reason") };
  const policy = await currentPolicy();
  const until = isCalendarDay(values.until) ? startOfDayIn(values.until, policy.timeZone) : null;
  const reason = Reason.safeParse(values.reason);
  const errors = {
    until: !until || until.getTime() <= Date.now() ? problem("console.exceptions.errors.until") : undefined,
    reason: reason.success ? undefined : reasonProblem(values.reason),
  };
  if (errors.until || errors.reason) return { values, errors };
  const user = await targetOf(form);
  if (!user) return malformed;
  const result = await extendDeadline(user, until!, reason.data!, policy.timeZone, { actorId: admin.id, client: clientOf(await headers()) });
  if (!result.ok) return { values, error: problem(result.reason === "past" ? "console.exceptions.errors.until" : `console.exceptions.errors.${result.reason}`) };
  revalidatePath("/admin", "layout");
  return { done: true };
}

export type ExemptState = { error?: Problem; errors?: { reason?: Problem }; values?: { reason: string }; done?: "exempted" | "unexempted" };

/** Marks an account exempt (with a reason), or ends its exemption; audited, listed on the overview. */
export async function changeExemption(_: ExemptState, form: FormData): Promise<ExemptState> {
  const admin = await requireAdmin();
  const operation = text(form, "operation");
  if (operation !== "grant" && operation !== "remove") return malformed;
  const values = { reason: text(form, "reason") };
  const reason = Reason.safeParse(values.reason);
  if (operation === "grant" && !reason.success) return { values, errors: { reason: reasonProblem(values.reason) } };
  const user = await targetOf(form);
  if (!user) return malformed;
  const result = await setExemption(user, operation === "grant" ? reason.data! : null, { actorId: admin.id, client: clientOf(await headers()) });
  if (!result.ok) return { values, error: problem("console.exceptions.errors.admin") };
  revalidatePath("/admin", "layout");
  return { done: operation === "grant" ? "exempted" : "unexempted" };
}

export type RemindSelectedState = { sent?: number; recent?: number };

/** "Send a reminder now" to the accounts ticked in the at-risk list. */
export async function remindSelected(_: RemindSelectedState, form: FormData): Promise<RemindSelectedState> {
  const admin = await requireAdmin();
  const ids = texts(form, "userId").filter(isId);
  return ids.length ? await sendRemindersTo(ids, { actorId: admin.id, client: clientOf(await headers()) }) : { sent: 0, recent: 0 };
}
