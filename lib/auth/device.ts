import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { derivedKey } from "../two-factor/secrets";

// OWASP's device-cookie pattern ("Slow down online guessing attacks with device cookies"): a
// browser that signed in to an account carries a signed token for it; that browser's password
// attempts are counted on their own, so failures from elsewhere never slow or lock out the owner.
const COOKIE = "portal_device";
// A browser shared by a few people keeps a token for each of them, the most recent first.
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 365 * 86_400;

export type Device = { userId: string; nonce: string };

const mac = (userId: string, nonce: string) => createHmac("sha256", derivedKey("device-cookie")).update(`${userId}.${nonce}`).digest("base64url");

function verified(token: string): Device | null {
  const [userId, nonce, signature, extra] = token.split(".");
  if (!userId || !nonce || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(userId, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, nonce } : null;
}

/** The accounts whose signed tokens this cookie value carries; forged or altered tokens are dropped. */
export function readDevices(value: string | undefined): Device[] {
  if (!value || value.length > 2000) return [];
  return value.split("~").slice(0, MAX_ACCOUNTS).map(verified).filter((d): d is Device => d !== null);
}

/** The cookie value that carries these accounts' signed tokens (HMAC-SHA256 with a key derived from the encryption key). */
export const writeDevices = (devices: Device[]) => devices.map((d) => `${d.userId}.${d.nonce}.${mac(d.userId, d.nonce)}`).join("~");

/** The tokens this browser carries (server components and actions only). */
export async function browserDevices(): Promise<Device[]> {
  return readDevices((await cookies()).get(COOKIE)?.value);
}

/**
 * Marks this browser as one the account signed in from (in a server action, after every factor
 * was checked). Returns whether it already was: false means a browser the account has not used.
 */
export async function rememberDevice(userId: string): Promise<{ known: boolean }> {
  const devices = await browserDevices();
  const mine = devices.find((d) => d.userId === userId);
  const others = devices.filter((d) => d.userId !== userId);
  const next = [mine ?? { userId, nonce: randomBytes(16).toString("base64url") }, ...others].slice(0, MAX_ACCOUNTS);
  (await cookies()).set(COOKIE, writeDevices(next), { httpOnly: true, sameSite: "lax", path: "/", maxAge: MAX_AGE_SECONDS, secure: process.env.APP_URL?.startsWith("https:") });
  return { known: !!mine };
}
