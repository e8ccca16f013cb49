import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to /login, and turns away requests
// that Next.js would otherwise fail on with a 500 (a path that is not UTF-8 once decoded, a body
// over the limit however it is sent, a server-action form that does not parse). Every page and
// action checks the session and its input itself (lib/auth/guard.ts, lib/form.ts); a cookie here
// proves nothing.
const PUBLIC = [/^\/login(\/|$)/, /^\/api\/auth\//, /^\/api\/sign-in\//, /^\/api\/health$/];
const MAX_BODY_BYTES = 256 * 1024;
const ACTION_ID = /^[0-9a-f]{40,64}$/i;

const plain = (status: number, message: string) => new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

function wellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The body, read up to the limit whether or not a length was declared; null when it is larger. */
async function bodyWithin(request: NextRequest, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// A server action posted as a form (what browsers and React send) must parse as one.
async function checkActionPost(request: NextRequest): Promise<NextResponse | null> {
  const type = request.headers.get("content-type") ?? "";
  const body = await bodyWithin(request, MAX_BODY_BYTES);
  if (!body) return plain(413, "Request too large.");
  if (!/^multipart\/form-data\b/i.test(type) && !/^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  try {
    await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
    return null;
  } catch {
    return plain(400, "Malformed form.");
  }
}

export async function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return plain(413, "Request too large.");
  const { pathname } = request.nextUrl;
  if (!wellFormedPath(pathname)) return plain(400, "Malformed address.");
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Next.js names an action by a hex id; anything else is refused before it logs a stack trace.
    if (!ACTION_ID.test(request.headers.get("next-action")!)) return plain(400, "Unknown action.");
    const refusal = await checkActionPost(request);
    if (refusal) return refusal;
  } else if (request.method === "POST" && !request.headers.has("content-length") && !(await bodyWithin(request, MAX_BODY_BYTES))) {
    // A body sent without a length (chunked) to a route handler, the sign-in steps included.
    return plain(413, "Request too large.");
  }
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession && request.method === "GET") return NextResponse.redirect(new URL("/login", request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"] };
