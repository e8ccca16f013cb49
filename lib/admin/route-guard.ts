import { currentUser, isAdmin, type CurrentUser } from "../auth/guard";

/**
 * requireAdmin for route handlers, which answer with a status rather than a redirect: the admin,
 * or the response to send instead (401 signed out, 403 not an admin or an admin without 2FA).
 */
export async function requireAdminForRoute(): Promise<CurrentUser | Response> {
  const user = await currentUser();
  if (!user) return new Response(null, { status: 401, headers: { "cache-control": "no-store" } });
  if (!isAdmin(user)) return new Response(null, { status: 403, headers: { "cache-control": "no-store" } });
  return user;
}
