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
