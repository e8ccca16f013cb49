import { NextResponse } from "next/server";
import { config } from "../config";
import { logger } from "../logger";
import type { Next } from "./sign-in";

// The HTTP side of the sign-in steps (app/api/sign-in/*/route.ts). Our forms post with fetch and
// read a JSON answer; a browser without JavaScript posts the plain form and is sent on with a 303
// (to the next page, or back to the form with what went wrong in the address).

type Answer = Next & { errors?: Record<string, string | undefined>; problem?: { key: string }; expired?: boolean };

/** The host the browser addressed: X-Forwarded-Host when a proxy set it (as Next.js does for server actions), else Host. */
function addressedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/**
 * Whether a POST comes from one of our own pages: its Origin (which browsers send with every POST)
 * names the host it was sent to, or, without Origin, Sec-Fetch-Site says same-origin. This is the
 * check Next.js makes for server actions; it stops another site from posting our sign-in forms
 * (login CSRF). Takes the request's headers and the public address (APP_URL); returns true or false.
 */
export function isSameOrigin(headers: Headers, appUrl = config().APP_URL): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === "same-origin";
  try {
    // The public address (APP_URL) is ours too, for a proxy that rewrites Host without saying so.
    return new URL(origin).host === addressedHost(headers) || (!!appUrl && new URL(origin).origin === new URL(appUrl).origin);
  } catch {
    return false;
  }
}

// What a browser without JavaScript is shown back on the form: a message key, from this list only
// (the address is the user's to edit). A message with values (a time, a clock's drift) comes back
// as its sibling without them: nothing typed into the address is ever shown as our words.
const WITHOUT_VALUES: Record<string, string> = {
  "signInProtection.throttled": "signInProtection.throttledLater",
  "twoFactorErrors.blocked": "twoFactorErrors.blockedLater",
  "twoFactorErrors.drift": "twoFactorErrors.invalid",
};
const SHOWN_BACK = new Set([
  "errors.malformed", "errors.unavailable", "errors.emailRequired", "errors.emailInvalid", "errors.passwordRequired", "signIn.invalid", "signInProtection.throttledLater",
  "verify.expired", "twoFactorErrors.format", "twoFactorErrors.recoveryFormat", "twoFactorErrors.invalid", "twoFactorErrors.recoveryInvalid",
  "twoFactorErrors.blockedLater", "twoFactorErrors.locked", "twoFactorErrors.notEnabled",
]);

function backTo(page: string, answer: Answer): string {
  const key = answer.problem?.key ?? Object.values(answer.errors ?? {}).find(Boolean);
  return `${page}${page.includes("?") ? "&" : "?"}${new URLSearchParams({ error: key ? (WITHOUT_VALUES[key] ?? key) : "errors.malformed" })}`;
}

/** The message key a form's page shows from its address (`?error=`), after a post without JavaScript; undefined when it is none of ours. */
export function errorFromAddress(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && SHOWN_BACK.has(value) ? value : undefined;
}

/**
 * Answers a sign-in step posted to a route handler. Refuses (403) a post from another origin and
 * (400) a body that is no form, without running the step. `step` takes the form and answers what
 * the form shows, or `redirectTo`; `page` is the form's own page (or a function of the form), where a browser without
 * JavaScript is sent back to. Returns JSON when the client asked for it (Accept: application/json),
 * else a 303. When `step` throws (the database is unreachable), logs it and answers 503 with
 * "try again" (or sends the browser back with it). Throws nothing.
 */
export async function answerStep(request: Request, step: (form: FormData) => Promise<Answer>, page: string | ((form: FormData) => string)): Promise<Response> {
  const pageOf = (form?: FormData) => (typeof page === "string" ? page : form ? page(form) : page(new FormData()));
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  if (!isSameOrigin(request.headers)) return json ? NextResponse.json({ problem: { key: "errors.malformed" } }, { status: 403 }) : new NextResponse("Forbidden.", { status: 403 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json ? NextResponse.json({ problem: { key: "errors.malformed" } }, { status: 400 }) : new NextResponse(null, { status: 303, headers: { location: backTo(pageOf(), {}) } });
  }
  let answer: Answer;
  try {
    answer = await step(form);
  } catch (error) {
    // The database is down or restarting: nothing was half done (each step's writes are single
    // statements or transactions), and the user is told to try again, never shown a 500.
    logger.error({ err: error, path: new URL(request.url).pathname }, "sign-in step failed");
    answer = { problem: { key: "errors.unavailable" } };
    if (json) return NextResponse.json(answer, { status: 503 });
  }
  if (json) return NextResponse.json(answer);
  return new NextResponse(null, { status: 303, headers: { location: answer.redirectTo ?? backTo(pageOf(form), answer) } });
}
