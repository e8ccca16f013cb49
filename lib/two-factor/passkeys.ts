import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { confirmationOf, revokeSessions, type ChangeContext } from "../auth/sessions";
import { config } from "../config";
import { db } from "../db";
import { renderMail } from "../mail/templates";
import { reportedChange } from "../reported-change";
import { finishAccessCodeEnrollment } from "./temporary-access";
import type { Account } from "../users";
import { prepareRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";
import { checkThrottle, claimAttempt, registerSuccess, THROTTLE_CLEARED, type Claim, type Refusal } from "./throttle";

// Passkeys and security keys as a second factor (W3C WebAuthn Level 3 through SimpleWebAuthn):
// relying party ID from APP_URL, user verification preferred, attestation none. The password stays
// the first factor, so a passkey here is "something you have" (NIST SP 800-63B rev. 4, AAL2,
// phishing-resistant: the browser binds each assertion to our origin).

/** How long a challenge kept on a session (registration, confirming a change) stays usable (ms); a sign-in challenge lives as long as its pending sign-in. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const PASSKEY_NAME_MAX = 60;
const CEREMONY_TIMEOUT_MS = 120_000;

/** The relying party: ID (APP_URL's host name), origin and name shown by the authenticator. */
export function relyingParty() {
  const url = new URL(config().APP_URL);
  return { id: url.hostname, origin: url.origin, name: config().APP_NAME };
}

export type PasskeyView = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; backedUp: boolean };

/** The account's passkeys, oldest first, without their keys. */
export async function listPasskeys(userId: string): Promise<PasskeyView[]> {
  return db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true } });
}

export const hasPasskeys = async (userId: string) => (await db.passkey.count({ where: { userId } })) > 0;

const transportsOf = (json: string | null): AuthenticatorTransport[] | undefined => {
  if (!json) return undefined;
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? (list.filter((t) => typeof t === "string") as AuthenticatorTransport[]) : undefined;
  } catch {
    return undefined;
  }
};
type AuthenticatorTransport = "ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb";

/**
 * Options for navigator.credentials.create() (WebAuthn §5.4) to add a passkey to `user`'s account;
 * the challenge is kept on the session `sessionId` for CHALLENGE_TTL_MS and works once.
 * The account's existing credentials are excluded, so one authenticator is not registered twice.
 */
export async function registrationOptions(user: Account, sessionId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    timeout: CEREMONY_TIMEOUT_MS,
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await keepSessionChallenge(sessionId, "register", options.challenge);
  return options;
}

/** What a verified registration yields, ready to store. */
export type NewPasskey = { credentialId: string; publicKey: string; counter: number; transports: string | null; backedUp: boolean };

/**
 * Checks the browser's answer to registrationOptions (WebAuthn §7.1) against the session's challenge,
 * which it uses up whatever the outcome. Returns the credential to store, or a reason: "expired"
 * (no challenge, or older than CHALLENGE_TTL_MS), "invalid" (anything the library refuses), "taken"
 * (the credential is already registered). Never throws on bad input.
 */
export async function verifyRegistration(
  sessionId: string,
  response: unknown,
  now = Date.now(),
): Promise<{ ok: true; passkey: NewPasskey } | { ok: false; reason: "expired" | "invalid" | "taken" }> {
  if (!isCredentialJson(response)) return { ok: false, reason: "invalid" };
  const challenge = await takeSessionChallenge(sessionId, "register", answeredChallenge(response), now);
  if (!challenge) return { ok: false, reason: "expired" };
  const rp = relyingParty();
  try {
    const verification = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!verification.verified) return { ok: false, reason: "invalid" };
    const { credential, credentialBackedUp } = verification.registrationInfo;
    if (await db.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) return { ok: false, reason: "taken" };
    return {
      ok: true,
      passkey: {
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports?.length ? JSON.stringify(credential.transports) : null,
        backedUp: credentialBackedUp,
      },
    };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}

/**
 * The challenge a browser's answer says it was made for (its clientDataJSON's `challenge`, WebAuthn
 * L3 §5.8.1), read only to find which kept challenge it answers: the signature over it is checked
 * by the library. Null when unreadable.
 */
function answeredChallenge(response: { response: Record<string, unknown> }): string | null {
  const encoded = response.response.clientDataJSON;
  if (typeof encoded !== "string" || encoded.length > 4096) return null;
  try {
    const data = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as { challenge?: unknown } | null;
    return typeof data?.challenge === "string" ? data.challenge : null;
  } catch {
    return null;
  }
}

function isCredentialJson(value: unknown): value is { id: string; rawId: string; type: string; response: Record<string, unknown> } {
  const v = value as { id?: unknown; rawId?: unknown; type?: unknown; response?: unknown } | null;
  return !!v && typeof v === "object" && typeof v.id === "string" && v.id.length > 0 && v.id.length <= 1400 && typeof v.rawId === "string" && v.type === "public-key" && !!v.response && typeof v.response === "object";
}

// A character that shows something: not a space, control, format character (zero-width space,
// joiners, direction marks), lone combining mark, default-ignorable filler (U+3164…) or blank braille.
const VISIBLE = /[^\s\p{Z}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** A name the user gave, trimmed and cut to PASSKEY_NAME_MAX characters; null when empty or nothing in it shows. */
export function passkeyName(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const name = input.replace(/\s+/g, " ").trim();
  return VISIBLE.test(name) ? [...name].slice(0, PASSKEY_NAME_MAX).join("") : null;
}

/** Why a typed passkey name is refused (a key under passkeys.errors), or null when it is fine: nothing typed or too long; nothing visible. */
export function passkeyNameProblem(input: string): "name" | "nameInvisible" | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > PASSKEY_NAME_MAX) return "name";
  return passkeyName(trimmed) ? null : "nameInvisible";
}

/** Adds a verified passkey to an account that has 2FA on: stored, audited and mailed in one transaction. */
export async function addPasskey(user: Account, passkey: NewPasskey, name: string, context: ChangeContext) {
  return reportedChange(async (tx) => {
    const created = await tx.passkey.create({ data: { userId: user.id, name, ...passkey } });
    return {
      value: { id: created.id },
      audit: { event: "passkey.added", userId: user.id, client: context.client, details: { passkeyId: created.id, name, backedUp: passkey.backedUp, ...confirmationOf(context) } },
      mail: renderMail("passkeyAdded", user, { passkey: name }),
    };
  });
}

/**
 * The wizard's other way: a first passkey turns 2FA on. Everything commits together, as with an
 * app: the passkey, 2FA on, ten recovery codes (returned, and mailed), the user's other sessions
 * ended, the audit event. For a session opened with a temporary access code (`accessCodeId`), the
 * passkey replaces the second factor the owner lost: the old app, passkeys and recovery codes go,
 * and the code's recovery is marked enrolled. Returns null when nothing changed: 2FA was turned on
 * meanwhile, or the code was disowned ("This wasn't me").
 */
export async function enrollWithPasskey(user: Account, passkey: NewPasskey, name: string, context: ChangeContext) {
  const recovering = !!context.accessCodeId && !!context.sessionId;
  const prepared = await prepareRecoveryCodes(user.id);
  const outcome = await reportedChange(async (tx) => {
    if (recovering) {
      if (!(await finishAccessCodeEnrollment(tx, context.accessCodeId!, context.sessionId!))) return { value: null };
      await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpLastStep: null, totpPendingSecret: null, totpPendingCreatedAt: null, ...THROTTLE_CLEARED } });
      await tx.passkey.deleteMany({ where: { userId: user.id } });
    } else {
      const { count } = await tx.user.updateMany({ where: { id: user.id, twoFactorEnabledAt: null }, data: { twoFactorEnabledAt: new Date(), ...THROTTLE_CLEARED } });
      if (count !== 1) return { value: null };
    }
    await tx.passkey.create({ data: { userId: user.id, name, ...passkey } });
    await storeRecoveryCodes(tx, prepared);
    const signedOut = await revokeSessions(user.id, context.sessionId, tx);
    return {
      value: { signedOut },
      audit: { event: "two_factor.enabled", userId: user.id, client: context.client, details: { method: "passkey", name, ...(recovering && { accessCodeId: context.accessCodeId }) } },
      mail: renderMail("twoFactorEnabled", user, {}, prepared.codes),
    };
  });
  if (!outcome) return null;
  return { recoveryCodes: prepared.codes, signedOut: outcome.signedOut };
}

/** Renames one of the user's passkeys; false when none of theirs has this id. */
export async function renamePasskey(userId: string, passkeyId: string, name: string): Promise<boolean> {
  const { count } = await db.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
  return count === 1;
}

/**
 * Removes one of the user's passkeys (the caller has checked the password and a second factor),
 * audited and mailed in one transaction. Refused ("last") when it is the account's only second
 * factor besides recovery codes: an account without an app keeps at least one passkey.
 */
/** Whether removing passkeys would leave the account without a second factor besides recovery codes (no app, one passkey left). */
export async function isLastSecondFactor(userId: string): Promise<boolean> {
  const owner = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, _count: { select: { passkeys: true } } } });
  return !!owner && !owner.totpSecret && owner._count.passkeys <= 1;
}

export async function removePasskey(user: Account, passkeyId: string, context: ChangeContext): Promise<{ ok: true } | { ok: false; reason: "gone" | "last" }> {
  const outcome = await reportedChange(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: user.id } });
    if (!passkey) return { value: "gone" as const };
    const owner = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    if (!owner.totpSecret && (await tx.passkey.count({ where: { userId: user.id } })) <= 1) return { value: "last" as const };
    await tx.passkey.delete({ where: { id: passkey.id } });
    return {
      value: "removed" as const,
      audit: { event: "passkey.removed", userId: user.id, client: context.client, details: { passkeyId, name: passkey.name, ...confirmationOf(context) } },
      mail: renderMail("passkeyRemoved", user, { passkey: passkey.name }),
    };
  });
  return outcome === "removed" ? { ok: true } : { ok: false, reason: outcome };
}

/**
 * Options for navigator.credentials.get() at the second sign-in step: the account's credentials
 * only. The challenge is stored on the pending sign-in (replacing any earlier one), so it works once
 * and expires with it. Null when the pending sign-in is gone or the account has no passkey.
 */
export async function authenticationOptions(pendingTokenHash: string, userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return assertionOptions(userId, async (challenge) => {
    const { count } = await db.pendingSignIn.updateMany({ where: { tokenHash: pendingTokenHash, userId, expiresAt: { gt: new Date() } }, data: { passkeyChallenge: challenge } });
    return count === 1;
  });
}

/**
 * Options for navigator.credentials.get() to confirm a security change in the signed-in session
 * `sessionId` of `userId`: the account's credentials only. The challenge is kept on the session as
 * the registration's is (one slot: the newer ceremony replaces the older), for CHALLENGE_TTL_MS,
 * and works once. Null when the account has no passkey or the session is not this account's.
 */
export async function confirmationOptions(userId: string, sessionId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return assertionOptions(userId, (challenge) => keepSessionChallenge(sessionId, "confirm", challenge, userId));
}

/**
 * Options for navigator.credentials.get() (WebAuthn §5.5) listing `userId`'s credentials only, whose
 * challenge `keep` stores where the answer will be checked. Null when the account has no passkey
 * or `keep` found nowhere to store it (false).
 */
async function assertionOptions(userId: string, keep: (challenge: string) => Promise<boolean>): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (!passkeys.length) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
    userVerification: "preferred",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  return (await keep(options.challenge)) ? options : null;
}

/** Where an assertion's challenge waits: the pending sign-in (second sign-in step) or the signed-in session (confirming a change). */
export type ChallengeHolder = { pendingSignIn: string } | { session: string };

export type PasskeyResult =
  | { ok: true; method: "passkey"; passkeyId: string }
  | {
      ok: false;
      /** expired: no challenge waits (used, replaced, or the pending sign-in ended); counter: a cloned authenticator suspected. */
      reason: "format" | "invalid" | "expired" | "counter" | "blocked" | "locked" | "not-enabled";
      retryAt?: Date;
      consequence?: "blocked" | "locked";
      /** counter: the stored and received signature counters. */
      counter?: { stored: number; received: number; passkeyId: string };
    };

const refusedBy = (refusal: Refusal): PasskeyResult => (refusal.reason === "blocked" ? { ok: false, reason: "blocked", retryAt: refusal.retryAt } : { ok: false, reason: "locked" });
const withConsequence = (result: PasskeyResult, claim: Claim): PasskeyResult => (result.ok || !claim.ifFailed ? result : { ...result, ...claim.ifFailed });

/**
 * Checks a passkey assertion (WebAuthn §7.2) of `userId`, at the second sign-in step (the pending
 * sign-in's challenge) or to confirm a change (the session's): against the challenge `holder` keeps
 * for this account (used up first, so an assertion works once), a credential of this account only, its public key, and the signature
 * counter, which must grow unless the authenticator keeps none (0 both times). The attempt is
 * counted against the per-account throttle before anything is checked (lib/two-factor/throttle.ts)
 * and a success resets it. Never throws on bad input.
 */
export async function verifyPasskeyAssertion(userId: string, holder: ChallengeHolder, response: unknown, now = Date.now()): Promise<PasskeyResult> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.twoFactorEnabledAt) return { ok: false, reason: "not-enabled" };
  const verdict = checkThrottle(user, now);
  if (!verdict.allowed) return refusedBy(verdict);
  if (!isCredentialJson(response)) return { ok: false, reason: "format" };
  const claim = await claimAttempt(userId, now);
  if (!claim.allowed) return refusedBy(claim);
  return withConsequence(await checkAssertion(userId, holder, response, now), claim);
}

/**
 * The challenge `holder` keeps for `userId`, used up (compare-and-set: of two requests, one gets
 * it), when it is the one the answer was made for (`answered`); null when none is left, it expired,
 * or the answer was made for another (an older tab's, replaced since: the kept one stays for the
 * answer that comes for it).
 */
async function takeChallenge(userId: string, holder: ChallengeHolder, answered: string | null, now: number): Promise<string | null> {
  if ("pendingSignIn" in holder) {
    const pending = await db.pendingSignIn.findUnique({ where: { tokenHash: holder.pendingSignIn }, select: { userId: true, passkeyChallenge: true, expiresAt: true } });
    const challenge = pending?.passkeyChallenge;
    if (!challenge || challenge !== answered || pending.userId !== userId || pending.expiresAt.getTime() <= now) return null;
    const { count } = await db.pendingSignIn.updateMany({ where: { tokenHash: holder.pendingSignIn, passkeyChallenge: challenge }, data: { passkeyChallenge: null } });
    return count === 1 ? challenge : null;
  }
  return takeSessionChallenge(holder.session, "confirm", answered, now, userId);
}

// A session keeps one challenge at a time, tagged with the ceremony it was made for: a challenge
// given to confirm a change (an assertion) never registers a passkey, nor the reverse (WebAuthn L3
// §13.4.3: a challenge is for one ceremony). A newer ceremony replaces an older one.
type SessionCeremony = "register" | "confirm";

/** Keeps `challenge` for `ceremony` on the session `sessionId` (of `userId`, when given); false when there is no such session. */
async function keepSessionChallenge(sessionId: string, ceremony: SessionCeremony, challenge: string, userId?: string): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { id: sessionId, ...(userId && { userId }) }, data: { passkeyChallenge: `${ceremony}:${challenge}`, passkeyChallengeAt: new Date() } });
  return count === 1;
}

/**
 * The challenge the session `sessionId` (of `userId`, when given) keeps for `ceremony`, used up
 * (compare-and-set: of two requests, one gets it) when it is `answered`, the one the answer was
 * made for; null when there is none for that ceremony, another is kept, or it is older than
 * CHALLENGE_TTL_MS at `now` (ms).
 */
async function takeSessionChallenge(sessionId: string, ceremony: SessionCeremony, answered: string | null, now: number, userId?: string): Promise<string | null> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, passkeyChallenge: true, passkeyChallengeAt: true } });
  const kept = session?.passkeyChallenge;
  if (!session || kept !== `${ceremony}:${answered}` || !session.passkeyChallengeAt || (userId && session.userId !== userId)) return null;
  const { count } = await db.session.updateMany({ where: { id: sessionId, passkeyChallenge: kept }, data: { passkeyChallenge: null, passkeyChallengeAt: null } });
  return count === 1 && now - session.passkeyChallengeAt.getTime() <= CHALLENGE_TTL_MS ? kept.slice(ceremony.length + 1) : null;
}

async function checkAssertion(userId: string, holder: ChallengeHolder, response: { id: string; response: Record<string, unknown> }, now: number): Promise<PasskeyResult> {
  const challenge = await takeChallenge(userId, holder, answeredChallenge(response), now);
  if (!challenge) return { ok: false, reason: "expired" };
  // Looked up within this account only: another account's passkey is unknown here.
  const passkey = await db.passkey.findFirst({ where: { credentialId: response.id, userId } });
  if (!passkey) return { ok: false, reason: "invalid" };
  const rp = relyingParty();
  let info;
  try {
    const verification = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // The counter is checked below, after the signature, so that a refusal names a real clone.
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, "base64url"), counter: 0, transports: transportsOf(passkey.transports) },
      requireUserVerification: false,
    });
    if (!verification.verified) return { ok: false, reason: "invalid" };
    info = verification.authenticationInfo;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const stored = Number(passkey.counter);
  if ((info.newCounter > 0 || stored > 0) && info.newCounter <= stored) {
    return { ok: false, reason: "counter", counter: { stored, received: info.newCounter, passkeyId: passkey.id } };
  }
  // Compare-and-set on the counter: of two requests with assertions of one authenticator, one wins.
  const updated = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(info.newCounter), lastUsedAt: new Date(now), backedUp: info.credentialBackedUp },
  });
  if (updated.count !== 1) return { ok: false, reason: "invalid" };
  await registerSuccess(userId);
  return { ok: true, method: "passkey", passkeyId: passkey.id };
}
