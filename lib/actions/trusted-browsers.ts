"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { forgetTrustedBrowsers } from "../auth/trusted-browser";
import { requireAdmin, requireUser } from "../auth/guard";
import { clientOf } from "../auth/request";
import { db } from "../db";
import { isId, text } from "../form";
import type { Problem } from "../two-factor/check";
import { problem } from "./problems";

export type ForgetState = { forgotten?: number; error?: Problem };

/** "Forget" one of the user's trusted browsers (form field `browserId`), or all of them without it. */
export async function forgetTrustedBrowser(_: ForgetState, form: FormData): Promise<ForgetState> {
  const user = await requireUser();
  const id = text(form, "browserId");
  if (id && !isId(id)) return { error: problem("errors.malformed") };
  const forgotten = await forgetTrustedBrowsers(user.id, { client: clientOf(await headers()) }, id || undefined);
  revalidatePath("/settings/security");
  return { forgotten };
}

/** An admin forgets every trusted browser of the account named by the form's `userId`. */
export async function adminForgetTrustedBrowsers(_: ForgetState, form: FormData): Promise<ForgetState> {
  const admin = await requireAdmin();
  const id = text(form, "userId");
  if (!isId(id) || !(await db.user.findUnique({ where: { id }, select: { id: true } }))) return { error: problem("errors.malformed") };
  const forgotten = await forgetTrustedBrowsers(id, { client: clientOf(await headers()), actorId: admin.id });
  revalidatePath("/admin", "layout");
  return { forgotten };
}
