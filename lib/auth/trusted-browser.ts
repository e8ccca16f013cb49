import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { mailTime } from "../dates";
import { renderMail } from "../mail/templates";
import { reportedChange } from "../reported-change";
import type { Account } from "../users";
import { db } from "../db";
import type { Tx } from "../mail/send";
import { lockSettings, policySettings } from "../settings";
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
const DAY_MS = 86_400_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The days a browser may be trusted for this account (the rollout setting, lib/settings.ts, read
 * through `client`): 0 when the option is off, and for an admin, who always gives a second factor.
 */
export async function trustedBrowserDaysFor(user: { role: string }, client: Pick<Tx, "setting"> = db): Promise<number> {
  return user.role === "admin" ? 0 : (await policySettings(client)).trustedBrowserDays;
}

function readTokens(value: string | undefined): string[] {
  if (!value || value.length > 1000) return [];
  return value.split("~").filter((t) => /^[A-Za-z0-9_-]{43}$/.test(t)).slice(0, MAX_TOKENS);
}

/**
 * Marks this browser as trusted by `user`, after every factor was checked, for the days the
 * rollout setting allows at that moment (recordTrustedBrowser): the token goes in an HttpOnly
 * cookie that lasts as long. Returns the days granted; 0 when the option is off (an admin turned it
 * off meanwhile, or the user is an admin): nothing is then trusted and no cookie is set.
 */
export async function trustThisBrowser(user: Account & { role: string }, client: Client, now = Date.now()): Promise<number> {
  const token = randomBytes(32).toString("base64url");
  const jar = await cookies();
  const kept = readTokens(jar.get(COOKIE)?.value);
  const days = await recordTrustedBrowser(user, client, sha256(token), now);
  if (!days) return 0;
  jar.set(COOKIE, [token, ...kept].slice(0, MAX_TOKENS).join("~"), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: days * 86_400,
    secure: process.env.APP_URL?.startsWith("https:"),
  });
  return days;
}

/**
 * The database half of trustThisBrowser: a row with the token's hash (`tokenHash`), the browser
 * and system (ua-parser-js), the address and the times (`now` in ms), trusted for the days the
 * setting allows, read in the same transaction after any settings save in progress
 * (lib/settings.ts lockSettings): an admin who turns the option off while a user trusts a browser
 * leaves nothing trusted. A change of the account's second factor: audited and mailed to the owner
 * (browser, moment and end, with their time zone) in that transaction. Returns the days granted,
 * 0 when none (nothing written).
 */
export async function recordTrustedBrowser(user: Account & { role: string }, client: Client, tokenHash: string, now = Date.now()): Promise<number> {
  const { browser, system } = describeClient(client.userAgent);
  return reportedChange(async (tx) => {
    await lockSettings(tx, { reading: true });
    const days = Math.min(await trustedBrowserDaysFor(user, tx), MAX_TRUST_DAYS);
    if (days < 1) return { value: 0 };
    const expiresAt = new Date(now + days * DAY_MS);
    // Housekeeping on the way: this account's expired tokens.
    await tx.trustedBrowser.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date(now) } } });
    await tx.trustedBrowser.create({ data: { userId: user.id, tokenHash, browser, system, ip: client.ip?.slice(0, 64) ?? null, createdAt: new Date(now), lastUsedAt: new Date(now), expiresAt } });
    return {
      value: days,
      audit: { event: "trusted_browser.added", userId: user.id, client, details: { days, expiresAt: expiresAt.toISOString(), browser, system } },
      mail: renderMail("browserTrusted", user, {
        browser: [browser, system].filter(Boolean).join(", ") || "none",
        address: client.ip ?? "none",
        time: mailTime(new Date(now), user.locale),
        until: mailTime(expiresAt, user.locale),
      }),
    };
  });
}

/**
 * Whether this browser lets `user` skip the code step now: a token of its cookie whose row belongs to this
 * account, has not expired, and the option is on. Records the use. A token grants nothing else: it
 * only lets the password step skip the code for its own account.
 */
export async function isTrustedBrowser(user: { id: string; role: string; twoFactorEnabledAt: Date | null; secondFactorLockedAt: Date | null }, now = Date.now()): Promise<boolean> {
  // Never for an admin (trustedBrowserDaysFor), nor without 2FA, nor while support's lock is on
  // (100 wrong codes, or "This wasn't me" after a recovery).
  if (!user.twoFactorEnabledAt || user.secondFactorLockedAt) return false;
  const userId = user.id;
  const tokens = readTokens((await cookies()).get(COOKIE)?.value);
  // Most browsers carry no token: the policy is then not read.
  if (!tokens.length) return false;
  const days = await trustedBrowserDaysFor(user);
  if (days === 0) return false;
  // A window shortened by an admin applies to browsers trusted before, too.
  const { count } = await db.trustedBrowser.updateMany({
    where: { userId, tokenHash: { in: tokens.map(sha256) }, expiresAt: { gt: new Date(now) }, createdAt: { gt: new Date(now - days * 86_400_000) } },
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
 * owner or by an admin (`actorId`). Audited and mailed to the owner. Returns how many were forgotten.
 */
export async function forgetTrustedBrowsers(userId: string, by: { client: Client; actorId?: string }, id?: string, now = Date.now()): Promise<number> {
  return reportedChange(async (tx) => {
    const { count } = await tx.trustedBrowser.deleteMany({ where: { userId, ...(id ? { id } : {}) } });
    if (!count) return { value: 0 };
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
    return {
      value: count,
      audit: { event: "trusted_browser.forgotten", userId, actorId: by.actorId, client: by.client, details: { count, all: !id } },
      mail: renderMail("browsersForgotten", owner, { count, by: by.actorId ? "support" : "owner", time: mailTime(new Date(now), owner.locale) }),
    };
  });
}
