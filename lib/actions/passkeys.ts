"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { record } from "../audit";
import { signIn } from "../auth";
import { checkIdentity, checkPassword, type IdentityErrors } from "../auth/confirm-identity";
import { requireUser } from "../auth/guard";
import { noticeNewBrowser } from "../auth/new-sign-in";
import { finishPendingSignIn, pendingSignIn } from "../auth/pending";
import { clientOf } from "../auth/request";
import { identityConfirmedRecently, issueTicket, markIdentityConfirmed } from "../auth/sessions";
import { trustThisBrowser } from "../auth/trusted-browser";
import { isId, jsonField, text } from "../form";
import { checkPasskey, passkeyProblemOf, type Problem } from "../two-factor/check";
import { addPasskey, authenticationOptions, confirmationOptions, enrollWithPasskey, isLastSecondFactor, passkeyName, passkeyNameProblem, registrationOptions, removePasskey, renamePasskey, verifyRegistration } from "../two-factor/passkeys";
import { localized } from "./problems";

const problem = (key: string): Problem => ({ key });

/** The browser's JSON answer to a WebAuthn ceremony, from the form's `response` field; null when it does not parse. */
const credentialOf = (form: FormData): unknown => jsonField(form, "response");

export type PasskeyOptionsState = { options?: PublicKeyCredentialRequestOptionsJSON; error?: Problem; expired?: boolean; passwordError?: Problem };

/** "Use a passkey" at the second sign-in step: options with a fresh challenge tied to this browser's pending sign-in. */
export async function passkeySignInOptions(): Promise<PasskeyOptionsState> {
  const pending = await pendingSignIn();
  if (!pending) return { error: problem("verify.expired"), expired: true };
  const options = await authenticationOptions(pending.tokenHash, pending.user.id);
  return options ? { options } : { error: problem("passkeys.errors.refused") };
}

/**
 * "Use a passkey" in a dialog that confirms a security change: checks the password typed in the
 * dialog first (`passwordError` when it is wrong, so that the browser does not ask for a passkey in
 * vain), then answers options with a fresh challenge kept on this session. The change's own submit
 * checks the password again with the answer (lib/auth/confirm-identity.ts): this check opens nothing.
 */
export async function passkeyConfirmationOptions(password: unknown): Promise<PasskeyOptionsState> {
  const user = await requireUser();
  // The second factor is asked only when 2FA is on; a temporary access code's session replaces it.
  if (!user.twoFactorEnabledAt || user.wizardOnly) return { error: problem("twoFactorErrors.notEnabled") };
  const passwordError = await checkPassword(password, user);
  if (passwordError) return { passwordError };
  const options = await confirmationOptions(user.id, user.sessionId);
  return options ? { options } : { error: problem("passkeys.errors.refused") };
}

export type PasskeySignInState = { error?: Problem; expired?: boolean };

/** The second sign-in step with a passkey: its user comes from the pending sign-in, never from the form. */
export async function passkeySignIn(_: PasskeySignInState, form: FormData): Promise<PasskeySignInState> {
  const pending = await pendingSignIn();
  if (!pending) return { error: problem("verify.expired"), expired: true };
  const client = clientOf(await headers());
  const result = await checkPasskey(pending.user, { pendingSignIn: pending.tokenHash }, credentialOf(form), client);
  if (!result.ok) return { error: await localized(passkeyProblemOf(result)) };
  if (!(await finishPendingSignIn(pending.tokenHash))) return { error: problem("verify.expired"), expired: true };
  const newBrowser = await noticeNewBrowser(pending.user, client);
  await record({ event: "sign_in", userId: pending.user.id, client, details: { factors: ["password", "passkey"], newBrowser } });
  if (text(form, "trust") === "1") await trustThisBrowser(pending.user, client);
  await signIn("ticket", { ticket: await issueTicket(pending.user.id), redirectTo: "/" });
  return {};
}

export type AddPasskeyState = { errors?: IdentityErrors & { name?: Problem }; options?: PublicKeyCredentialCreationOptionsJSON; name?: string };

/**
 * "Add a passkey", first half: checks the password and a current code (the session is marked as
 * confirmed) and answers the options for navigator.credentials.create().
 */
export async function startAddingPasskey(_: AddPasskeyState, form: FormData): Promise<AddPasskeyState> {
  const user = await requireUser();
  if (!user.twoFactorEnabledAt) return { errors: { code: problem("twoFactorErrors.notEnabled") } };
  const refused = passkeyNameProblem(text(form, "name"));
  if (refused) return { errors: { name: problem(`passkeys.errors.${refused}`) } };
  const name = passkeyName(text(form, "name"))!;
  const checked = await checkIdentity(form, user);
  if (checked.errors) return { errors: checked.errors };
  await markIdentityConfirmed(user.sessionId, new Date(), checked.confirmedWith);
  return { options: await registrationOptions(user, user.sessionId), name };
}

export type FinishPasskeyState = { error?: Problem; added?: string };

/** "Add a passkey", second half: the browser's answer, checked against the session's challenge; stored, audited, mailed. */
export async function finishAddingPasskey(_: FinishPasskeyState, form: FormData): Promise<FinishPasskeyState> {
  const user = await requireUser();
  if (!user.twoFactorEnabledAt) return { error: problem("twoFactorErrors.notEnabled") };
  if (!identityConfirmedRecently(user.identityConfirmedAt)) return { error: problem("passkeys.errors.confirmExpired") };
  const name = passkeyName(text(form, "name"));
  if (!name) return { error: problem("passkeys.errors.name") };
  const verified = await verifyRegistration(user.sessionId, credentialOf(form));
  if (!verified.ok) return { error: problem(`passkeys.errors.${verified.reason}`) };
  await addPasskey(user, verified.passkey, name, { client: clientOf(await headers()), sessionId: user.sessionId, confirmedWith: user.identityConfirmedWith });
  // The confirmation was for this change: the next one asks again.
  await markIdentityConfirmed(user.sessionId, null);
  revalidatePath("/settings/security");
  return { added: name };
}

export type PasskeyChangeState = { errors?: IdentityErrors; error?: Problem; done?: "renamed" | "removed" };

/** Renames one of the user's passkeys. */
export async function renamePasskeyAction(_: PasskeyChangeState, form: FormData): Promise<PasskeyChangeState> {
  const user = await requireUser();
  const id = text(form, "passkeyId");
  if (!isId(id)) return { error: problem("errors.malformed") };
  const refused = passkeyNameProblem(text(form, "name"));
  if (refused) return { error: problem(`passkeys.errors.${refused}`) };
  const name = passkeyName(text(form, "name"))!;
  if (!(await renamePasskey(user.id, id, name))) return { error: problem("passkeys.errors.gone") };
  await record({ event: "passkey.renamed", userId: user.id, client: clientOf(await headers()), details: { passkeyId: id, name } });
  revalidatePath("/settings/security");
  return { done: "renamed" };
}

/** Removes one of the user's passkeys after the password and a second factor. */
export async function removePasskeyAction(_: PasskeyChangeState, form: FormData): Promise<PasskeyChangeState> {
  const user = await requireUser();
  const id = text(form, "passkeyId");
  if (!isId(id)) return { error: problem("errors.malformed") };
  // Refused before the password and code are checked: a recovery code is not spent on a refusal.
  if (await isLastSecondFactor(user.id)) return { error: problem("passkeys.errors.last") };
  const checked = await checkIdentity(form, user);
  if (checked.errors) return { errors: checked.errors };
  const result = await removePasskey(user, id, { client: clientOf(await headers()), sessionId: user.sessionId, confirmedWith: checked.confirmedWith });
  if (!result.ok) return { error: problem(`passkeys.errors.${result.reason}`) };
  revalidatePath("/settings/security");
  return { done: "removed" };
}

export type EnrollPasskeyState = { error?: Problem; options?: PublicKeyCredentialCreationOptionsJSON; done?: { codes: string[]; email: string } };

/** The wizard's "Use a passkey or security key instead", first half: options, once the password was confirmed. */
export async function startPasskeyEnrollment(): Promise<EnrollPasskeyState> {
  const user = await requireUser({ enrolling: true });
  // A session opened with a temporary access code replaces the second factor the owner lost.
  if (user.twoFactorEnabledAt && !user.wizardOnly) return { error: problem("errors.malformed") };
  if (!identityConfirmedRecently(user.identityConfirmedAt)) return { error: problem("twoFactorErrors.confirmExpired") };
  return { options: await registrationOptions(user, user.sessionId) };
}

/** The wizard's passkey, second half: 2FA on with this passkey, recovery codes shown once and mailed. */
export async function finishPasskeyEnrollment(_: EnrollPasskeyState, form: FormData): Promise<EnrollPasskeyState> {
  const user = await requireUser({ enrolling: true });
  // A session opened with a temporary access code replaces the second factor the owner lost.
  if (user.twoFactorEnabledAt && !user.wizardOnly) return { error: problem("errors.malformed") };
  if (!identityConfirmedRecently(user.identityConfirmedAt)) return { error: problem("twoFactorErrors.confirmExpired") };
  const verified = await verifyRegistration(user.sessionId, credentialOf(form));
  if (!verified.ok) return { error: problem(`passkeys.errors.${verified.reason}`) };
  const name = passkeyName(text(form, "name")) ?? "Passkey";
  const enrolled = await enrollWithPasskey(user, verified.passkey, name, { client: clientOf(await headers()), sessionId: user.sessionId, accessCodeId: user.wizardOnly ? user.accessCodeId : null });
  if (!enrolled) return { error: problem("twoFactorErrors.confirmExpired") };
  await markIdentityConfirmed(user.sessionId, null);
  return { done: { codes: enrolled.recoveryCodes, email: user.email } };
}
