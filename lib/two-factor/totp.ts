import { Secret, TOTP } from "otpauth";
import { config } from "../config";
import { asciiDigits } from "../digits";

const DIGITS = 6;
const PERIOD_SECONDS = 30;
// 10 minutes: far enough to recognise a phone set to the wrong time, not a wrong time zone.
const DRIFT_SEARCH_STEPS = 20;
// Longer input is refused before any work is done on it.
const MAX_INPUT_LENGTH = 64;

/** A fresh 160-bit secret (RFC 4226's recommended size), in base32. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * An issuer or account name as the Key URI format allows it (google-authenticator's "Key Uri Format"):
 * neither may contain a colon (the label's separator), in any script's form, nor control characters.
 * `portal.example.com:8443` becomes `portal.example.com 8443`.
 */
export function labelPart(value: string): string {
  const cleaned = value
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[:\uFE13\uFE55\uFF1A\u2236]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned || "account";
}

/**
 * The otpauth:// URI an authenticator scans: `otpauth://totp/<issuer>:<account>?secret=…&issuer=<issuer>`,
 * `appName` (default APP_NAME) as issuer; issuer and account made safe by labelPart. Built by hand: otpauth's toString() puts issuer
 * before secret; encoded the way it encodes.
 */
export function otpauthUri(secretBase32: string, email: string, appName = config().APP_NAME): string {
  const e = encodeURIComponent;
  const issuer = e(labelPart(appName));
  return `otpauth://totp/${issuer}:${e(labelPart(email))}?secret=${e(secretBase32)}&issuer=${issuer}&algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_SECONDS}`;
}

export function formatSecretForTyping(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? "";
}


/** The six ASCII digits of a typed code, in any script's digits, spaces removed; null for anything else. */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const code = asciiDigits(input).replace(/\s/g, "");
  return /^[0-9]{6}$/.test(code) ? code : null;
}

// otpauth throws on some malformed tokens, so only a normalized code reaches it.
function delta(secretBase32: string, code: unknown, now: number, window: number): number | null {
  const token = normalizeCode(code);
  if (!token) return null;
  return TOTP.validate({ token, secret: Secret.fromBase32(secretBase32), digits: DIGITS, period: PERIOD_SECONDS, timestamp: now, window });
}

function stepAt(now: number): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: now });
}

/** The time step (floor(unix seconds / 30)) whose code this is, within ±window steps of now. */
export function matchStep(secretBase32: string, code: unknown, now = Date.now(), window = 1): number | null {
  const found = delta(secretBase32, code, now, window);
  return found === null ? null : stepAt(now) + found;
}

// otpauth searches 0, -1, +1, -2, +2…; each side is searched here on its own, nearest step first.
function nearestOnSide(secretBase32: string, code: unknown, now: number, side: -1 | 1): number | null {
  const token = normalizeCode(code);
  if (!token) return null;
  const secret = Secret.fromBase32(secretBase32);
  for (let distance = 2; distance <= DRIFT_SEARCH_STEPS; distance++) {
    const at = now + side * distance * PERIOD_SECONDS * 1000;
    if (TOTP.generate({ secret, digits: DIGITS, period: PERIOD_SECONDS, timestamp: at }) === token) return side * distance;
  }
  return null;
}

/**
 * For a refused code: how many minutes behind the phone's clock seems (a negative number), when
 * the code is one of the last 10 minutes' beyond the accepted window; else null. Only the past is
 * explained: a past step's code can never be accepted again, so the hint gives a guesser nothing,
 * whereas saying that a code matches a future step would confirm a code that is about to work.
 */
export function clockDrift(secretBase32: string, code: unknown, now = Date.now()): number | null {
  const found = nearestOnSide(secretBase32, code, now, -1);
  return found === null ? null : -Math.round((-found * PERIOD_SECONDS) / 60);
}

/**
 * For a refused code: the time step (floor(unix seconds / 30)) of the next 10 minutes' it matches
 * beyond the accepted window, or null. The caller records it so that this code stays refused when
 * its step comes (a code refused once never works later).
 */
export function futureStep(secretBase32: string, code: unknown, now = Date.now()): number | null {
  const found = nearestOnSide(secretBase32, code, now, 1);
  return found === null ? null : stepAt(now) + found;
}
