import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to /login. Every page and action
// checks the session itself (lib/auth/guard.ts); a cookie here proves nothing.
const PUBLIC = [/^\/login(\/|$)/, /^\/api\/auth\//];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession && request.method === "GET") return NextResponse.redirect(new URL("/login", request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"] };
