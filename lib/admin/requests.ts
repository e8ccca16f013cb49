import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { defaultLocale } from "../i18n/locales";

export const CLOSED_REQUESTS_SHOWN = 50;
export type RequestOutcome = "resolved" | "rejected";

/**
 * Open requests, newest first, each with the language its answer will be mailed in (the
 * account's, or the default when no account has the address), then the most recent answered ones.
 */
export async function listResetRequests() {
  const [openRows, closed] = await Promise.all([
    db.resetRequest.findMany({ where: { status: "open" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    db.resetRequest.findMany({ where: { status: { not: "open" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: CLOSED_REQUESTS_SHOWN }),
  ]);
  const ownerIds = [...new Set(openRows.map((r) => r.userId).filter((id): id is string => !!id))];
  const owners = ownerIds.length ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, locale: true } }) : [];
  const locales = new Map(owners.map((u) => [u.id, u.locale]));
  const open = openRows.map((r) => ({ ...r, locale: (r.userId && locales.get(r.userId)) || defaultLocale }));
  const resolverIds = [...new Set(closed.map((r) => r.resolvedById).filter((id): id is string => !!id))];
  const resolvers = resolverIds.length ? await db.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(resolvers.map((u) => [u.id, u.email]));
  return { open, closed: closed.map((r) => ({ ...r, resolvedByEmail: r.resolvedById ? (emails.get(r.resolvedById) ?? null) : null })) };
}

/** Answers an open request; null when it does not exist or another admin answered it first. */
export async function closeResetRequest(id: string, outcome: RequestOutcome, response: string, adminId: string, tx: Prisma.TransactionClient = db) {
  const { count } = await tx.resetRequest.updateMany({
    where: { id, status: "open" },
    data: { status: outcome, resolvedAt: new Date(), resolvedById: adminId, response },
  });
  return count === 1 ? tx.resetRequest.findUniqueOrThrow({ where: { id } }) : null;
}

/** Who the answer goes to: the request's address, in the account's language and name when it has one. */
export async function requester(request: { email: string; fullName: string; userId: string | null }, tx: Prisma.TransactionClient = db) {
  const user = request.userId ? await tx.user.findUnique({ where: { id: request.userId }, select: { name: true, locale: true } }) : null;
  return { email: request.email, name: user?.name ?? request.fullName, locale: user?.locale ?? defaultLocale };
}

/** The reference of the account's open request, if any (for the mails of a recovery). */
export async function openRequestReference(tx: Prisma.TransactionClient, userId: string): Promise<string | null> {
  const open = await tx.resetRequest.findFirst({ where: { userId, status: "open" }, orderBy: { createdAt: "desc" }, select: { reference: true } });
  return open?.reference ?? null;
}

/** Closes the account's open requests as resolved (support issued a code or reset): part of the caller's transaction. */
export async function closeOpenRequests(tx: Prisma.TransactionClient, userId: string, adminId: string | null, note: string): Promise<number> {
  const { count } = await tx.resetRequest.updateMany({ where: { userId, status: "open" }, data: { status: "resolved", resolvedAt: new Date(), resolvedById: adminId, response: note } });
  return count;
}

/** Asks the person for more information: the request stays open, the question is kept as its response. Null when it is closed. */
export async function askForInformation(id: string, question: string, tx: Prisma.TransactionClient = db) {
  const { count } = await tx.resetRequest.updateMany({ where: { id, status: "open" }, data: { infoRequestedAt: new Date(), response: question } });
  return count === 1 ? tx.resetRequest.findUniqueOrThrow({ where: { id } }) : null;
}

/**
 * What support sees on an open request's card about the account and the request's origin: 2FA
 * state, last sign-in, language, whether it came from the account's own address (the request's
 * email is the account's) and from a client address or browser that signed in to it before.
 */
export async function requestContext(request: { userId: string | null; email: string; ip: string | null; userAgent: string | null; createdAt: Date }) {
  if (!request.userId) return null;
  const user = await db.user.findUnique({ where: { id: request.userId }, select: { email: true, locale: true, lastSignInAt: true, twoFactorEnabledAt: true } });
  if (!user) return null;
  const before = { userId: request.userId, event: "sign_in", createdAt: { lt: request.createdAt } };
  const [ipSeen, browserSeen] = await Promise.all([
    request.ip ? db.auditEvent.count({ where: { ...before, ip: request.ip } }) : 0,
    request.userAgent ? db.auditEvent.count({ where: { ...before, userAgent: request.userAgent } }) : 0,
  ]);
  return { ...user, ownAddress: user.email === request.email, ipSeen: ipSeen > 0, browserSeen: browserSeen > 0 };
}

/** The latest request of the account, as the person sees it from the second sign-in step; null when none. */
export async function latestRequestOf(userId: string) {
  return db.resetRequest.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: { reference: true, status: true, createdAt: true, infoRequestedAt: true, response: true } });
}
