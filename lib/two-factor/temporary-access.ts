import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { db } from "../db";
import { bcryptCompare, bcryptHash } from "../hashing";
import type { Tx } from "../mail/send";
import { derivedKey } from "./secrets";
import { checkThrottle, claimAttempt, registerSuccess, type Claim, type Refusal } from "./throttle";
import type { VerifyResult } from "./verify";

// A temporary access code: support's way back in for someone who lost their second factor
// (Microsoft Entra's Temporary Access Pass, Okta's temporary passcode). Random, single use, short
// lived, stored as a bcrypt hash like a recovery code; the session it opens reaches only the wizard.

// Upper case without 0/O, 1/I/L: read out over the phone without ambiguity. 31 symbols.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** 16 symbols of 31: about 79 bits (NIST SP 800-63B §5.1.2: at least 20 for a look-up secret, and rate limiting below 112: the per-account throttle). */
export const ACCESS_CODE_LENGTH = 16;
const GROUP = 4;
const SHAPE = new RegExp(`^[${ALPHABET}]{${ACCESS_CODE_LENGTH}}$`);
const MAX_INPUT_LENGTH = 64;
export const DEFAULT_LIFETIME_MINUTES = 60;
/** How long the session opened with a code stays open at most: long enough to enroll, no more. */
export const WIZARD_SESSION_MS = 60 * 60_000;

/** A new code, unformatted (16 symbols from the unambiguous alphabet, crypto.randomInt). */
export function newAccessCode(): string {
  return Array.from({ length: ACCESS_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** The code in groups of four for reading out: "ABCD-EFGH-JKMN-PQRS". */
export function formatAccessCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, "g"))!.join("-");
}

/** A typed code in its stored form: NFKC, upper case, without spaces or dashes; null when it cannot be one. */
export function normalizeAccessCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const code = input.normalize("NFKC").replace(/[\s\-\u2010-\u2015\u2212]/g, "").toUpperCase();
  return SHAPE.test(code) ? code : null;
}

/** The bcrypt hash stored for a code (computed in the hashing worker pool). */
export function hashAccessCode(code: string): Promise<string> {
  return bcryptHash(code, config().BCRYPT_COST);
}

// A hash to compare against when the account has no active code, so every attempt costs one compare.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashAccessCode(newAccessCode()));

/** Active and unexpired: the one code an account may use now. */
export function activeCodeOf(userId: string, now = new Date(), tx: Tx = db) {
  return tx.supportRecovery.findFirst({ where: { userId, kind: "access_code", status: "active", expiresAt: { gt: now } }, orderBy: { approvedAt: "desc" } });
}

export type AccessCodeResult = { ok: true; recoveryId: string } | Extract<VerifyResult, { ok: false }>;

function refused(refusal: Refusal): AccessCodeResult {
  return refusal.reason === "blocked" ? { ok: false, reason: "blocked", retryAt: refusal.retryAt } : { ok: false, reason: "locked" };
}

function withConsequence(result: AccessCodeResult, claim: Claim): AccessCodeResult {
  return result.ok || !claim.ifFailed ? result : { ...result, ...claim.ifFailed };
}

/**
 * Uses the account's temporary access code at the second sign-in step, counted by the same
 * per-account throttle as TOTP and recovery codes (claimed before the code is checked). Only the
 * request that flips the code from active to used wins: a code opens one session, however many
 * attempts arrive together. A used, expired, revoked or replaced code, or another account's, is
 * refused like a wrong one. Nothing of the account's 2FA state changes here.
 */
export async function redeemAccessCode(userId: string, input: unknown, now = Date.now()): Promise<AccessCodeResult> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return { ok: false, reason: "invalid" };
  const verdict = checkThrottle(user, now);
  if (!verdict.allowed) return refused(verdict);
  const code = normalizeAccessCode(input);
  if (!code) return { ok: false, reason: "format" };
  const claim = await claimAttempt(userId, now);
  if (!claim.allowed) return refused(claim);
  const row = await activeCodeOf(userId, new Date(now));
  const matches = await bcryptCompare(code, row?.codeHash ?? (await decoyHash()));
  if (!row || !matches) return withConsequence({ ok: false, reason: "invalid" }, claim);
  const { count } = await db.supportRecovery.updateMany({
    where: { id: row.id, status: "active", expiresAt: { gt: new Date(now) } },
    data: { status: "used", usedAt: new Date(now) },
  });
  if (count !== 1) return withConsequence({ ok: false, reason: "invalid" }, claim);
  await registerSuccess(userId);
  return { ok: true, recoveryId: row.id };
}

/**
 * Part of the transaction that confirms the new enrollment of a session opened with a code: the
 * code's recovery becomes "enrolled" and the session reaches everything again. False (change
 * nothing, roll back) when the code was revoked meanwhile ("This wasn't me").
 */
export async function finishAccessCodeEnrollment(tx: Tx, recoveryId: string, sessionId: string): Promise<boolean> {
  const { count } = await tx.supportRecovery.updateMany({ where: { id: recoveryId, status: "used" }, data: { status: "enrolled", enrolledAt: new Date() } });
  if (count !== 1) return false;
  await tx.session.updateMany({ where: { id: sessionId }, data: { wizardOnly: false } });
  return true;
}

const signature = (recoveryId: string) => createHmac("sha256", derivedKey("support-recovery-disown")).update(recoveryId).digest("base64url");

/** The token of the "This wasn't me" link for one recovery: its id, signed (HMAC-SHA256 with a key derived from the encryption key). */
export function disownToken(recoveryId: string): string {
  return `${recoveryId}.${signature(recoveryId)}`;
}

/** The recovery id a "This wasn't me" token names, or null when it is malformed or its signature is wrong. */
export function readDisownToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined || !/^[a-z0-9]{10,40}$/i.test(id)) return null;
  const expected = Buffer.from(signature(id));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The absolute "This wasn't me" address for the owner's mails. */
export function disownLink(recoveryId: string): string {
  return new URL(`/login/not-me?token=${encodeURIComponent(disownToken(recoveryId))}`, config().APP_URL).toString();
}
