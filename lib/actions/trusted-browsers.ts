"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { forgetTrustedBrowsers, saveTrustedBrowserDays, TrustDays } from "../auth/trusted-browser";
import { requireAdmin, requireUser } from "../auth/guard";
import { clientOf } from "../auth/request";
import { db } from "../db";
import { isId, text } from "../form";

export type ForgetState = { forgotten?: number; error?: string };

/** "Forget" one of the user's trusted browsers (form field `browserId`), or all of them without it. */
export async function forgetTrustedBrowser(_: ForgetState, form: FormData): Promise<ForgetState> {
  const user = await requireUser();
  const id = text(form, "browserId");
  if (id && !isId(id)) return { error: "errors.malformed" };
  const forgotten = await forgetTrustedBrowsers(user.id, { client: clientOf(await headers()) }, id || undefined);
  revalidatePath("/settings/security");
  return { forgotten };
}

/** An admin forgets every trusted browser of the account named by the form's `userId`. */
export async function adminForgetTrustedBrowsers(_: ForgetState, form: FormData): Promise<ForgetState> {
  const admin = await requireAdmin();
  const id = text(form, "userId");
  if (!isId(id) || !(await db.user.findUnique({ where: { id }, select: { id: true } }))) return { error: "errors.malformed" };
  const forgotten = await forgetTrustedBrowsers(id, { client: clientOf(await headers()), actorId: admin.id });
  revalidatePath("/admin", "layout");
  return { forgotten };
}

export type TrustDaysState = { saved?: boolean; error?: string; value?: string };

/** The rollout setting: days a browser may skip the code, 0 (off) to 90. */
export async function saveTrustDays(_: TrustDaysState, form: FormData): Promise<TrustDaysState> {
  const admin = await requireAdmin();
  const value = text(form, "trustDays").trim();
  const input = TrustDays.safeParse(value);
  if (!input.success || value === "") return { error: "trustedBrowsers.settingError", value };
  await saveTrustedBrowserDays(input.data, admin.id, clientOf(await headers()));
  revalidatePath("/admin", "layout");
  return { saved: true, value };
}
