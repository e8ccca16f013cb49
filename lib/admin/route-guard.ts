import { getLocale, getTranslations } from "next-intl/server";
import { config } from "../config";
import { currentUser, isAdmin, type CurrentUser } from "../auth/guard";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal a browser shows as a page: what happened, in the reader's language, and a way on. */
async function refusal(status: 401 | 403): Promise<Response> {
  const [t, locale] = [await getTranslations("errors"), await getLocale()];
  const [title, text, link, href] = status === 401 ? [t("signInTitle"), t("signIn"), t("toSignIn"), "/login"] : [t("forbiddenTitle"), t("forbidden"), t("backHome"), "/"];
  const html = `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} · ${escape(config().APP_NAME)}</title><link rel="icon" href="/icon.svg"><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#58a6ff}}</style></head><body><main><h1>${escape(title)}</h1><p>${escape(text)}</p><p><a href="${href}">${escape(link)}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * requireAdmin for route handlers, which answer with a status rather than a redirect: the admin,
 * or the response to send instead (401 signed out, 403 not an admin or an admin without 2FA), a
 * short page of its own that a browser shows in place of a blank error.
 */
export async function requireAdminForRoute(): Promise<CurrentUser | Response> {
  const user = await currentUser();
  if (!user) return refusal(401);
  if (!isAdmin(user)) return refusal(403);
  return user;
}
