import assert from "node:assert/strict";
import { test } from "node:test";
import { answerStep, errorFromAddress, isSameOrigin } from "./form-step";

const post = (headers: Record<string, string>, body: BodyInit = new URLSearchParams({ email: "a@b.c" })) =>
  new Request("http://portal.test/api/sign-in/password", { method: "POST", headers: { host: "portal.test", "content-type": "application/x-www-form-urlencoded", ...headers }, body });

test("a sign-in step is taken only from our own pages: Origin names the host, or Sec-Fetch-Site says same-origin", () => {
  const same = (h: Record<string, string>) => isSameOrigin(new Headers({ host: "portal.test", ...h }));
  assert.equal(same({ origin: "http://portal.test" }), true);
  assert.equal(same({ origin: "https://evil.example" }), false, "another site's form (login CSRF)");
  assert.equal(same({ origin: "null" }), false, "a sandboxed or file page");
  assert.equal(same({}), false, "no Origin and no Fetch Metadata");
  assert.equal(same({ "sec-fetch-site": "same-origin" }), true);
  assert.equal(same({ "sec-fetch-site": "cross-site" }), false);
  assert.equal(same({ origin: "https://portal.example", "x-forwarded-host": "portal.example" }), true, "behind a proxy that names the host");
  assert.equal(isSameOrigin(new Headers({ host: "10.0.0.5:3000", origin: "https://portal.example" }), "https://portal.example"), true, "the public address, behind a proxy that rewrites Host");
  assert.equal(isSameOrigin(new Headers({ host: "10.0.0.5:3000", origin: "http://portal.example" }), "https://portal.example"), false, "not over plain HTTP");
});

test("an answer is JSON for our script, a 303 for a plain form; another origin is refused before the step runs", async () => {
  let ran = 0;
  const step = async (form: FormData) => (ran++, form.get("email") === "a@b.c" ? { redirectTo: "/login/verify" } : { problem: { key: "signIn.invalid" } });
  const json = await answerStep(post({ origin: "http://portal.test", accept: "application/json" }), step, "/login");
  assert.deepEqual(await json.json(), { redirectTo: "/login/verify" });
  const plain = await answerStep(post({ origin: "http://portal.test" }), step, "/login");
  assert.deepEqual([plain.status, plain.headers.get("location")], [303, "/login/verify"]);
  const refused = await answerStep(post({ origin: "http://portal.test" }, new URLSearchParams({ email: "x" })), step, "/login");
  assert.deepEqual([refused.status, refused.headers.get("location")], [303, "/login?error=signIn.invalid"]);
  const forged = await answerStep(post({ origin: "https://evil.example", accept: "application/json" }), step, "/login");
  assert.equal(forged.status, 403);
  assert.equal(ran, 3, "the forged post never reached the step");
});

test("a failing database is answered with 'try again' (503), never a 500", async () => {
  const answer = await answerStep(post({ origin: "http://portal.test", accept: "application/json" }), async () => Promise.reject(new Error("SQLITE_BUSY")), "/login");
  assert.equal(answer.status, 503);
  assert.deepEqual(await answer.json(), { problem: { key: "errors.unavailable" } });
});

test("after a post without JavaScript, a page shows only our own messages from its address, and times are never taken from it", async () => {
  assert.equal(errorFromAddress("signIn.invalid"), "signIn.invalid");
  assert.equal(errorFromAddress("signInProtection.throttled"), undefined, "a message with a time comes back without it");
  assert.equal(errorFromAddress("Call 555-0100 to unlock your account"), undefined);
  assert.equal(errorFromAddress(["signIn.invalid", "x"]), undefined);
  const step = async () => ({ problem: { key: "signInProtection.throttled", values: { time: "10:00 UTC" } } });
  const answer = await answerStep(post({ origin: "http://portal.test" }), step, "/login");
  assert.equal(answer.headers.get("location"), "/login?error=signInProtection.throttledLater");
});
