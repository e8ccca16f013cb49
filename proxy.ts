import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to /login, and turns away oversized
// bodies with a 413 before Next.js parses them. Every page and action checks the session itself
// (lib/auth/guard.ts); a cookie here proves nothing.
const PUBLIC = [/^\/login(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/];
const MAX_BODY_BYTES = 256 * 1024;

export function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return new NextResponse("Request too large.", { status: 413, headers: { "content-type": "text/plain" } });
  }
  const { pathname } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession && request.method === "GET") return NextResponse.redirect(new URL("/login", request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"] };
