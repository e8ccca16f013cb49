import { record } from "../audit";
import { revokeSessions, type Client } from "../auth/sessions";
import { db } from "../db";
import { sendMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import { generateRecoveryCodes } from "./recovery-codes";
import { decryptSecret, encryptSecret } from "./secrets";
import { THROTTLE_CLEARED } from "./throttle";
import { newSecret, normalizeCode, otpauthUri } from "./totp";
import { checkFirstCode } from "./verify";
import type { Account } from "../users";

/** Who made the change and from where; `sessionId` is the session that stays signed in. */
type Context = { client: Client; sessionId?: string; actorId?: string };

// Long enough to fetch a phone and scan; a wrong code within it shows the same QR code again.
const PENDING_SECRET_TTL_MS = 30 * 60_000;

/** The secret being enrolled, kept server-side (encrypted) until a code from it is confirmed. */
export async function pendingEnrollment(user: Account & { totpPendingSecret: string | null; totpPendingCreatedAt: Date | null }) {
  const fresh = user.totpPendingSecret && user.totpPendingCreatedAt && Date.now() - user.totpPendingCreatedAt.getTime() < PENDING_SECRET_TTL_MS;
  let secret: string;
  if (fresh) {
    secret = decryptSecret(user.totpPendingSecret!);
  } else {
    secret = newSecret();
    await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: encryptSecret(secret), totpPendingCreatedAt: new Date() } });
  }
  return { secret, uri: otpauthUri(secret, user.email) };
}

export type EnrollmentResult =
  | { ok: true; changed: boolean; recoveryCodes: string[] | null; signedOut: number }
  | { ok: false; reason: "format" | "invalid" | "expired"; driftMinutes?: number };

/** Switches 2FA on (or to the new app) when `code` comes from the pending secret. */
export async function completeEnrollment(user: Account, code: unknown, context: Context): Promise<EnrollmentResult> {
  if (!normalizeCode(code)) return { ok: false, reason: "format" };
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!current.totpPendingSecret) return { ok: false, reason: "expired" };
  const secret = decryptSecret(current.totpPendingSecret);
  const { step, ...refused } = await checkFirstCode(user.id, secret, code);
  if (step === null) {
    const { driftMinutes } = refused as { driftMinutes: number | null };
    return driftMinutes === null ? { ok: false, reason: "invalid" } : { ok: false, reason: "invalid", driftMinutes };
  }
  const changed = !!current.twoFactorEnabledAt && !!current.totpSecret;
  // Guarded by the pending secret itself: of two confirmations of one enrollment, one wins.
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpPendingSecret: current.totpPendingSecret },
    data: {
      totpSecret: current.totpPendingSecret,
      totpLastStep: step,
      twoFactorEnabledAt: changed ? current.twoFactorEnabledAt : new Date(),
      totpPendingSecret: null,
      totpPendingCreatedAt: null,
      ...THROTTLE_CLEARED,
    },
  });
  if (count !== 1) return { ok: false, reason: "expired" };
  const recoveryCodes = changed ? null : await generateRecoveryCodes(user.id);
  const signedOut = await revokeSessions(user.id, context.sessionId);
  await record({ event: changed ? "two_factor.changed" : "two_factor.enabled", userId: user.id, actorId: context.actorId, client: context.client });
  await sendMail(changed ? renderMail("twoFactorChanged", user) : renderMail("twoFactorEnabled", user, {}, recoveryCodes!));
  return { ok: true, changed, recoveryCodes, signedOut };
}

export async function regenerateRecoveryCodes(user: Account, context: Context) {
  const codes = await generateRecoveryCodes(user.id);
  const signedOut = await revokeSessions(user.id, context.sessionId);
  await record({ event: "recovery_codes.regenerated", userId: user.id, client: context.client });
  await sendMail(renderMail("recoveryCodesRegenerated", user, {}, codes));
  return { codes, signedOut };
}

/** Removes the secret and recovery codes and signs the user out everywhere but `keepSessionId`. */
export async function removeSecondFactor(userId: string, keepSessionId?: string): Promise<number> {
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { twoFactorEnabledAt: null, totpSecret: null, totpLastStep: null, totpPendingSecret: null, totpPendingCreatedAt: null, ...THROTTLE_CLEARED },
    }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  return revokeSessions(userId, keepSessionId);
}

/** The user turns 2FA off themselves (only while the policy allows: the caller checks). */
export async function disableTwoFactor(user: Account, context: Context) {
  const signedOut = await removeSecondFactor(user.id, context.sessionId);
  await record({ event: "two_factor.disabled", userId: user.id, client: context.client });
  await sendMail(renderMail("twoFactorDisabled", user));
  return { signedOut };
}
