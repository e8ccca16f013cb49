"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { record } from "../audit";
import { requireUser } from "../auth/guard";
import { clientOf } from "../auth/request";
import { endSessionByHandle, revokeSessions, sessionHandle } from "../auth/sessions";
import { text } from "../form";

export type SessionsState = { ended?: "one" | "gone" | "others"; count?: number; error?: string };

const Handle = z.string().regex(/^[0-9a-f]{24}$/);

/** "End session" on one of the user's other browsers, named by its handle (never its id). */
export async function endOneSession(_: SessionsState, form: FormData): Promise<SessionsState> {
  const input = Handle.safeParse(text(form, "session"));
  if (!input.success) return { error: "errors.malformed" };
  const user = await requireUser();
  if (input.data === sessionHandle(user.sessionId)) return { error: "errors.malformed" };
  if (!(await endSessionByHandle(user.id, input.data))) return { ended: "gone" };
  await record({ event: "session.ended", userId: user.id, client: clientOf(await headers()), details: { sessions: 1 } });
  revalidatePath("/settings/security");
  return { ended: "one" };
}

/** "End all other sessions": every browser but this one is signed out, and sign-ins under way are dropped. */
export async function endOtherSessions(_: SessionsState): Promise<SessionsState> {
  const user = await requireUser();
  const count = await revokeSessions(user.id, user.sessionId);
  await record({ event: "sign_out_others", userId: user.id, client: clientOf(await headers()), details: { sessions: count } });
  revalidatePath("/settings/security");
  return { ended: "others", count };
}
