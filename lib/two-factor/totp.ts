import { Secret, TOTP } from "otpauth";
import { config } from "../config";

const DIGITS = 6;
const PERIOD_SECONDS = 30;
// ±10 minutes: far enough to recognise a phone set to the wrong time, not a wrong time zone.
const DRIFT_SEARCH_STEPS = 20;
// Longer input is refused before any work is done on it.
const MAX_INPUT_LENGTH = 64;

/** A fresh 160-bit secret (RFC 4226's recommended size), in base32. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

// Built by hand: otpauth's toString() puts issuer before secret; encoded the way it encodes.
export function otpauthUri(secretBase32: string, email: string): string {
  const e = encodeURIComponent;
  const issuer = e(config().APP_NAME);
  return `otpauth://totp/${issuer}:${e(email)}?secret=${e(secretBase32)}&issuer=${issuer}&algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_SECONDS}`;
}

export function formatSecretForTyping(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The six ASCII digits of a typed code, spaces removed; null for anything else. */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const code = input.replace(/\s/g, "");
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

/** For a refused code: how many minutes the phone's clock seems off (positive: ahead), if it matches further out. */
export function clockDrift(secretBase32: string, code: unknown, now = Date.now()): number | null {
  const found = delta(secretBase32, code, now, DRIFT_SEARCH_STEPS);
  if (found === null || Math.abs(found) <= 1) return null;
  return Math.sign(found) * Math.round((Math.abs(found) * PERIOD_SECONDS) / 60);
}
