import { z } from "zod";
import { isPostgres } from "../config";
import { db } from "../db";
import { cleanText } from "../form";
import type { Prisma } from "../generated/sqlite/client";

export const USERS_PER_PAGE = 50;
export const TWO_FACTOR_STATES = ["all", "enabled", "disabled", "locked"] as const;
export type TwoFactorState = (typeof TWO_FACTOR_STATES)[number];
export const USER_SORTS = ["email", "name", "lastSignIn"] as const;
export type UserSort = (typeof USER_SORTS)[number];

// Anything unreadable in the address falls back to the unfiltered first page.
export const UserQuery = z.object({
  q: z.string().transform(cleanText).pipe(z.string().trim().max(200)).catch(""),
  state: z.enum(TWO_FACTOR_STATES).catch("all"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  sort: z.enum(USER_SORTS).catch("email"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type UserQuery = z.infer<typeof UserQuery>;

export function readUserQuery(params: Record<string, string | string[] | undefined>): UserQuery {
  return UserQuery.parse(params);
}

/** The address of a page of results, leaving out what is the default. */
export function usersHref(query: UserQuery, page = query.page, path = "/admin/users"): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.state !== "all") params.set("state", query.state);
  if (query.sort !== "email" || query.dir !== "asc") {
    params.set("sort", query.sort);
    params.set("dir", query.dir);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * A `contains` filter for text typed by an admin. Prisma passes `%` and `_` to LIKE as wildcards
 * (prisma/orm#19506): escaped on PostgreSQL, where backslash is LIKE's escape character; SQLite's
 * LIKE has none, so there they stay wildcards and match a few more rows. SQLite's LIKE already
 * ignores ASCII case and rejects `mode`.
 */
function containsText(text: string, ignoreCase: boolean) {
  if (!isPostgres()) return { contains: text };
  return { contains: text.replace(/[\\%_]/g, "\\$&"), ...(ignoreCase ? { mode: "insensitive" as const } : {}) };
}

export function userWhere({ q, state }: Pick<UserQuery, "q" | "state">): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  // Emails are stored lower-cased; names are not.
  if (q) and.push({ OR: [{ email: containsText(q.toLowerCase(), false) }, { name: containsText(q, true) }] });
  if (state === "enabled") and.push({ twoFactorEnabledAt: { not: null } });
  if (state === "disabled") and.push({ twoFactorEnabledAt: null });
  if (state === "locked") and.push({ secondFactorLockedAt: { not: null } });
  return { AND: and };
}

const LISTED = { id: true, email: true, name: true, role: true, twoFactorEnabledAt: true, secondFactorLockedAt: true, lastSignInAt: true } as const;

// The email breaks ties, so a page boundary never splits or repeats rows.
const ORDER: Record<UserSort, (dir: "asc" | "desc") => Prisma.UserOrderByWithRelationInput[]> = {
  email: (dir) => [{ email: dir }],
  name: (dir) => [{ name: dir }, { email: "asc" }],
  lastSignIn: (dir) => [{ lastSignInAt: { sort: dir, nulls: "last" } }, { email: "asc" }],
};

/** One page of accounts in the chosen order (email by default), and how many match in all. */
export async function searchUsers(query: UserQuery) {
  const where = userWhere(query);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: ORDER[query.sort](query.dir), skip: (query.page - 1) * USERS_PER_PAGE, take: USERS_PER_PAGE, select: LISTED }),
  ]);
  return { users, total, page: query.page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

export type ListedUser = Awaited<ReturnType<typeof searchUsers>>["users"][number];

const EXPORTED = { email: true, name: true, role: true, locale: true, createdAt: true, lastSignInAt: true, twoFactorEnabledAt: true, secondFactorLockedAt: true } as const;

/** Every matching account, in email order, a batch at a time: each batch starts after the last email of the one before. */
export async function* usersInBatches(query: Pick<UserQuery, "q" | "state">, batchSize = 1000) {
  const where = userWhere(query);
  let after: string | undefined;
  for (;;) {
    const batch = await db.user.findMany({
      where: after === undefined ? where : { AND: [where, { email: { gt: after } }] },
      orderBy: { email: "asc" },
      take: batchSize,
      select: EXPORTED,
    });
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.email;
  }
}
