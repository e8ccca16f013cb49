import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "../db";
import type { Client } from "./sessions";

// A sign-in that passed the password and waits for the second factor. The cookie holds a random
// token; the user it stands for is only ever read from the database row.
const COOKIE = "portal_pending_sign_in";
export const PENDING_TTL_MS = 10 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export async function startPendingSignIn(userId: string, client: Client) {
  const token = randomBytes(32).toString("base64url");
  // Housekeeping on the way: this user's expired pending sign-ins.
  await db.pendingSignIn.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  await db.pendingSignIn.create({
    data: { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + PENDING_TTL_MS), ip: client.ip?.slice(0, 64), userAgent: client.userAgent?.slice(0, 512) },
  });
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", maxAge: PENDING_TTL_MS / 1000, secure: process.env.APP_URL?.startsWith("https:") });
}

/** The user of this browser's pending sign-in, or null when there is none or it expired. */
export async function pendingSignIn() {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token || token.length > 100) return null;
  const row = await db.pendingSignIn.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return { tokenHash: row.tokenHash, user: row.user };
}

/** Ends this browser's pending sign-in; true only for the one request that ended it. */
export async function finishPendingSignIn(tokenHash: string): Promise<boolean> {
  const { count } = await db.pendingSignIn.deleteMany({ where: { tokenHash } });
  (await cookies()).delete(COOKIE);
  return count === 1;
}

export async function abandonPendingSignIn() {
  const token = (await cookies()).get(COOKIE)?.value;
  if (token) await finishPendingSignIn(sha256(token));
}
