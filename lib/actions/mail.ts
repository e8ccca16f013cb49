"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAdmin } from "../auth/guard";
import { clientOf } from "../auth/request";
import { text } from "../form";
import { nudgeDeliverer } from "../mail/deliverer";
import { requeueFailed } from "../mail/outbox";
import { reportedChange } from "../reported-change";

export type RetryMailState = { error?: "mailQueue.notFailed" | "errors.malformed" };

const Id = z.string().min(1).max(64);

/** Sends a failed mail back to the queue (its redacted copy: codes are never re-sent); audited. */
export async function retryMail(_: RetryMailState, form: FormData): Promise<RetryMailState> {
  const id = Id.safeParse(text(form, "messageId"));
  if (!id.success) return { error: "errors.malformed" };
  const admin = await requireAdmin();
  const client = clientOf(await headers());
  const message = await reportedChange(async (tx) => {
    const message = await requeueFailed(tx, id.data);
    return { value: message, audit: message ? { event: "mail.retried", actorId: admin.id, client, details: { messageId: message.id, to: message.to, kind: message.kind } } : undefined };
  });
  if (!message) return { error: "mailQueue.notFailed" };
  // The message queued again: the deliverer takes it now rather than at its next round.
  nudgeDeliverer();
  revalidatePath("/admin", "layout");
  // To the recipient's mail, where the message now shows as queued, then sent.
  redirect(`/admin/outbox?to=${encodeURIComponent(message.to)}&retried=1`);
}
