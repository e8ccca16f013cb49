import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { record } from "../audit";
import { db } from "../db";
import type { Client } from "./sessions";
import { describeClient } from "./user-agent";

// "Don't ask for a code on this browser for N days" (OWASP Multifactor Authentication Cheat Sheet,
// "remember this device"): after a full sign-in the browser gets a random token in an HttpOnly
// cookie, stored as its SHA-256 with the account. Later, on that browser and for that account only,
// the password alone opens a session until the token expires or is forgotten. Off by default: NIST
// SP 800-63B rev. 4 does not let a remembered browser stand in for the second factor at AAL2.
const COOKIE = "portal_trusted_browser";
// A browser shared by a few people keeps a token for each of them, the most recent first.
const MAX_TOKENS = 5;
export const MAX_TRUST_DAYS = 90;
const SETTING_KEY = "two_factor.trusted_browser_days";
const DAY_MS = 86_400_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Days an admin allows, 0 (off, the default) or 1 to 90: digits only, so an empty field is not 0. */
export const TrustDays = z.union([z.literal(""), z.string().trim().regex(/^\d{1,3}$/)]).transform((v) => (v === "" ? 0 : Number(v))).pipe(z.number().int().min(0).max(MAX_TRUST_DAYS));

/** How many days a browser may be trusted for, from the rollout settings; 0 when the option is off. */
export async function trustedBrowserDays(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  const parsed = TrustDays.safeParse(row?.value ?? "0");
  return parsed.success ? parsed.data : 0;
}

/** Saves the number of days (0 turns the option off and stops honouring trusted browsers); audited with the admin. */
export async function saveTrustedBrowserDays(days: number, adminId: string, client: Client) {
  const before = await trustedBrowserDays();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: String(days), updatedBy: adminId }, update: { value: String(days), updatedAt: new Date(), updatedBy: adminId } });
    await record({ event: "trusted_browsers.setting_changed", actorId: adminId, client, details: { before, after: days } }, tx);
  });
}

function readTokens(value: string | undefined): string[] {
  if (!value || value.length > 1000) return [];
  return value.split("~").filter((t) => /^[A-Za-z0-9_-]{43}$/.test(t)).slice(0, MAX_TOKENS);
}

/**
 * Marks this browser as trusted by `userId` for `days` days (1 to MAX_TRUST_DAYS), in a server
 * action, after every factor was checked: a row with the token's hash, the browser and system
 * (ua-parser-js), the address and the times; the token goes in an HttpOnly cookie.
 */
export async function trustThisBrowser(userId: string, client: Client, days: number, now = Date.now()) {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TRUST_DAYS) throw new RangeError(`days out of range: ${days}`);
  const token = randomBytes(32).toString("base64url");
  const { browser, system } = describeClient(client.userAgent);
  const expiresAt = new Date(now + days * DAY_MS);
  const jar = await cookies();
  const kept = readTokens(jar.get(COOKIE)?.value);
  await db.$transaction(async (tx) => {
    // Housekeeping on the way: this account's expired tokens.
    await tx.trustedBrowser.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
    await tx.trustedBrowser.create({ data: { userId, tokenHash: sha256(token), browser, system, ip: client.ip?.slice(0, 64) ?? null, createdAt: new Date(now), lastUsedAt: new Date(now), expiresAt } });
    await record({ event: "trusted_browser.added", userId, client, details: { days, expiresAt: expiresAt.toISOString() } }, tx);
  });
  jar.set(COOKIE, [token, ...kept].slice(0, MAX_TOKENS).join("~"), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: days * 86_400,
    secure: process.env.APP_URL?.startsWith("https:"),
  });
}

/**
 * Whether this browser is trusted by `userId` now: a token of its cookie whose row belongs to this
 * account, has not expired, and the option is on. Records the use. A token grants nothing else: it
 * only lets the password step skip the code for its own account.
 */
export async function isTrustedBrowser(userId: string, now = Date.now()): Promise<boolean> {
  const tokens = readTokens((await cookies()).get(COOKIE)?.value);
  if (!tokens.length || (await trustedBrowserDays()) === 0) return false;
  const { count } = await db.trustedBrowser.updateMany({
    where: { userId, tokenHash: { in: tokens.map(sha256) }, expiresAt: { gt: new Date(now) } },
    data: { lastUsedAt: new Date(now) },
  });
  return count > 0;
}

export type TrustedBrowserView = { id: string; browser: string | null; system: string | null; ip: string | null; createdAt: Date; lastUsedAt: Date; expiresAt: Date };

/** The account's trusted browsers that have not expired, most recently used first. */
export async function listTrustedBrowsers(userId: string, now = Date.now()): Promise<TrustedBrowserView[]> {
  return db.trustedBrowser.findMany({
    where: { userId, expiresAt: { gt: new Date(now) } },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, browser: true, system: true, ip: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

/**
 * "Forget" one trusted browser (`id`) or, without one, every trusted browser of the account; by its
 * owner or by an admin (`actorId`). Audited. Returns how many were forgotten.
 */
export async function forgetTrustedBrowsers(userId: string, by: { client: Client; actorId?: string }, id?: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.trustedBrowser.deleteMany({ where: { userId, ...(id ? { id } : {}) } });
    if (count) await record({ event: "trusted_browser.forgotten", userId, actorId: by.actorId, client: by.client, details: { count, all: !id } }, tx);
    return count;
  });
}
