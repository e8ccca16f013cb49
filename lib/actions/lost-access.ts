"use server";

import { headers } from "next/headers";
import { pendingSignIn } from "../auth/pending";
import { clientOf } from "../auth/request";
import { text } from "../form";
import { fileResetRequest, ResetRequestInput } from "../reset-requests";

type Field = "fullName" | "organisation" | "explanation" | "phone";
export type LostAccessState = { errors?: Partial<Record<Field, string>>; values?: Partial<Record<Field, string>>; done?: "sent" | "alreadyOpen"; reference?: string | null; expired?: boolean };

/** The request's account is the pending sign-in's, read on the server: the form names no user. */
export async function requestReset(_: LostAccessState, form: FormData): Promise<LostAccessState> {
  const pending = await pendingSignIn();
  if (!pending) return { expired: true };
  const values = { fullName: text(form, "fullName"), organisation: text(form, "organisation"), explanation: text(form, "explanation"), phone: text(form, "phone") };
  const input = ResetRequestInput.safeParse(values);
  if (!input.success) {
    const errors: LostAccessState["errors"] = {};
    for (const issue of input.error.issues) errors[issue.path[0] as Field] ??= issue.message;
    return { errors, values };
  }
  const { created, reference } = await fileResetRequest(pending.user, input.data, clientOf(await headers()));
  return { done: created ? "sent" : "alreadyOpen", reference };
}
