import { confirmationOf, revokeSessions, type ChangeContext } from "../auth/sessions";
import { db } from "../db";
import { type Tx } from "../mail/send";
import { renderMail } from "../mail/templates";
import { prepareRecoveryCodes, REPLACE_CODES_ISOLATION, storeRecoveryCodes } from "./recovery-codes";
import { decryptSecret, encryptSecret } from "./secrets";
import { THROTTLE_CLEARED } from "./throttle";
import { newSecret, normalizeCode, otpauthUri } from "./totp";
import { finishAccessCodeEnrollment } from "./temporary-access";
import { checkFirstCode } from "./verify";
import type { Account } from "../users";
import { reportedChange } from "../reported-change";

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

const ABANDONED = Symbol("enrollment abandoned");

export type EnrollmentResult =
  | { ok: true; changed: boolean; added: boolean; recoveryCodes: string[] | null; signedOut: number }
  | { ok: false; reason: "format" | "invalid" | "expired"; driftMinutes?: number };

/**
 * Switches 2FA on (or to the new app) when `code` comes from the pending secret. Everything it
 * changes commits together or not at all: 2FA on, the ten recovery codes (hashed before the
 * transaction opens), the other sessions ended, the audit event and the mail in the outbox.
 */
export async function completeEnrollment(user: Account, code: unknown, context: ChangeContext): Promise<EnrollmentResult> {
  if (!normalizeCode(code)) return { ok: false, reason: "format" };
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!current.totpPendingSecret) return { ok: false, reason: "expired" };
  const secret = decryptSecret(current.totpPendingSecret);
  const { step, ...refused } = await checkFirstCode(user.id, secret, code);
  if (step === null) {
    const { driftMinutes } = refused as { driftMinutes: number | null };
    return driftMinutes === null ? { ok: false, reason: "invalid" } : { ok: false, reason: "invalid", driftMinutes };
  }
  const enabled = !!current.twoFactorEnabledAt;
  const changed = enabled && !!current.totpSecret;
  // A passkey-only account adding an app: a second way beside the passkey; its recovery codes stay.
  const added = enabled && !current.totpSecret;
  // Recovered with a temporary access code: the old recovery codes go with the old app.
  const recovering = !!context.accessCodeId && !!context.sessionId;
  const prepared = enabled && !recovering ? null : await prepareRecoveryCodes(user.id);
  const outcome = await reportedChange(async (tx) => {
    // Guarded by the pending secret itself: of two confirmations of one enrollment, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: current.totpPendingSecret },
      data: {
        totpSecret: current.totpPendingSecret,
        totpLastStep: step,
        twoFactorEnabledAt: enabled && !recovering ? current.twoFactorEnabledAt : new Date(),
        totpPendingSecret: null,
        totpPendingCreatedAt: null,
        ...THROTTLE_CLEARED,
      },
    });
    if (count !== 1) return { value: null };
    // The code was disowned meanwhile ("This wasn't me"): undo the switch, keep the old app.
    if (recovering && !(await finishAccessCodeEnrollment(tx, context.accessCodeId!, context.sessionId!))) throw ABANDONED;
    // The old passkeys go with the old app: the owner lost access to them too.
    if (recovering) await tx.passkey.deleteMany({ where: { userId: user.id } });
    if (prepared) await storeRecoveryCodes(tx, prepared);
    const signedOut = await revokeSessions(user.id, context.sessionId, tx);
    // A first enrollment had no second factor to confirm with: a factor the session still holds was
    // for an earlier change (confirmed, then 2FA turned off) and is not this one's.
    return {
      value: { signedOut },
      audit: { event: added && !recovering ? "two_factor.app_added" : changed ? "two_factor.changed" : "two_factor.enabled", userId: user.id, actorId: context.actorId, client: context.client, details: recovering ? { accessCodeId: context.accessCodeId } : enabled ? confirmationOf(context) : undefined },
      mail: prepared ? renderMail("twoFactorEnabled", user, {}, prepared.codes) : renderMail(added ? "twoFactorAppAdded" : "twoFactorChanged", user),
    };
  }).catch((error: unknown) => {
    if (error === ABANDONED) return null;
    throw error;
  });
  if (!outcome) return { ok: false, reason: "expired" };
  // Recovered: shown as a first enrollment, with its new recovery codes.
  return { ok: true, changed: changed && !recovering, added: added && !recovering, recoveryCodes: prepared?.codes ?? null, signedOut: outcome.signedOut };
}

/** A new set of recovery codes (the old set stops working), mailed; other sessions end. One transaction. */
export async function regenerateRecoveryCodes(user: Account, context: ChangeContext) {
  const prepared = await prepareRecoveryCodes(user.id);
  const signedOut = await reportedChange(async (tx) => {
    await storeRecoveryCodes(tx, prepared);
    return {
      value: await revokeSessions(user.id, context.sessionId, tx),
      audit: { event: "recovery_codes.regenerated", userId: user.id, client: context.client, details: confirmationOf(context) },
      mail: renderMail("recoveryCodesRegenerated", user, {}, prepared.codes),
    };
  }, REPLACE_CODES_ISOLATION);
  return { codes: prepared.codes, signedOut };
}

/** Removes the secret, recovery codes and passkeys and signs the user out everywhere but `keepSessionId`, through `tx`. */
export async function removeSecondFactor(tx: Tx, userId: string, keepSessionId?: string): Promise<number> {
  await tx.user.update({
    where: { id: userId },
    data: { twoFactorEnabledAt: null, totpSecret: null, totpLastStep: null, totpPendingSecret: null, totpPendingCreatedAt: null, ...THROTTLE_CLEARED },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.passkey.deleteMany({ where: { userId } });
  return revokeSessions(userId, keepSessionId, tx);
}

/** The user turns 2FA off themselves (only while the policy allows: the caller checks). One transaction. */
export async function disableTwoFactor(user: Account, context: ChangeContext) {
  const signedOut = await reportedChange(async (tx) => ({
    value: await removeSecondFactor(tx, user.id, context.sessionId),
    audit: { event: "two_factor.disabled", userId: user.id, client: context.client, details: confirmationOf(context) },
    mail: renderMail("twoFactorDisabled", user),
  }));
  return { signedOut };
}
