// Issue 7, points 8–13, 18 and 19: the faults found by trying inputs from other products' bug
// reports, each with the input that showed it.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { servers } from "../playwright.config";
import { codeAt, enroll, enrollAndSignInAgain, expect, mailbox, openScanStep, operator, signIn, signOut, submit, test, wrongCode } from "./fixtures";
import { serverLogFile } from "./support/log";

const main = `http://localhost:${servers.main.port}`;

/** A server action's id, as the build names it (what a forged request would copy from the page). */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`no server action named ${name}`);
  return found[0];
}

/** What the server on `port` logs from now on. */
function logFrom(port: number) {
  const file = serverLogFile(port);
  const start = statSync(file).size;
  return () => readFileSync(file, "utf8").slice(start);
}

const arabicIndic = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
const persian = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0x6f0 + Number(d)));
const fullWidth = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * Submits a form twice in a row, as an extension or a script calling requestSubmit() does: both
 * submissions are made before the first is answered (React sends the second once the first has
 * its answer, with the same fields). Resolves once both were answered.
 */
async function submitTwice(page: Page, form: Locator) {
  let answered = 0;
  const both = new Promise<void>((resolve) =>
    page.on("response", (r) => {
      if (r.request().method() === "POST" && ++answered === 2) resolve();
    }),
  );
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await both;
  await page.waitForTimeout(300);
}

/** Waits for the next 30-second TOTP step, so that the code after the current one is inside the window. */
async function nextStep(page: Page) {
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
}

test("bad requests get a 4xx or the usual answer, never a 500, and no stack trace in the log (point 19)", async () => {
  const log = logFrom(servers.main.port);
  // A server action (the lost-access form's) and the sign-in steps' route handlers.
  const action = actionId("requestReset");
  const post = (path: string, action: string, type: string | null, body: BodyInit, extra: Record<string, string> = {}) =>
    fetch(main + path, { method: "POST", headers: { "next-action": action, ...(type ? { "content-type": type } : {}), ...extra }, body, redirect: "manual" });
  const step = (path: string, type: string | null, body: BodyInit, extra: Record<string, string> = { origin: main, accept: "application/json" }) =>
    fetch(main + path, { method: "POST", headers: { ...(type ? { "content-type": type } : {}), ...extra }, body, redirect: "manual" });
  const big = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(97));
        controller.close();
      },
    });
  const cases: [string, Promise<Response>, number[]][] = [
    ["[{},null] to an action", post("/login/lost-access", action, "text/plain;charset=UTF-8", "[{},null]"), [200]],
    ['[{},{"code":123456}] to an action', post("/login/lost-access", action, "text/plain;charset=UTF-8", '[{},{"code":123456}]'), [200]],
    ["a truncated multipart body to an action", post("/login/lost-access", action, "multipart/form-data; boundary=XYZ", '--XYZ\r\ncontent-disposition: form-data; name="1_email"\r\n\r\na@b.c\r\n--XY'), [400]],
    ["a multipart body without boundary to an action", post("/login/lost-access", action, "multipart/form-data", "--XYZ\r\n"), [400]],
    // @ts-expect-error duplex is needed by Node's fetch for a streamed body
    ["a chunked body over 1 MB to an action", fetch(main + "/login", { method: "POST", headers: { "next-action": action, "content-type": "text/plain" }, body: big(), duplex: "half" }), [413]],
    ["an action id that is none", post("/login", "deadbeef", "text/plain", "garbage"), [400]],
    ["JSON to the password step", step("/api/sign-in/password", "application/json", '{"email":"a@b.c","password":"x"}'), [400]],
    ["a truncated multipart body to the code step", step("/api/sign-in/code", "multipart/form-data; boundary=XYZ", '--XYZ\r\ncontent-disposition: form-data; name="code"\r\n\r\n123456\r\n--XY'), [400]],
    ["a multipart body without boundary to the password step", step("/api/sign-in/password", "multipart/form-data", "--XYZ\r\n"), [400]],
    // @ts-expect-error duplex is needed by Node's fetch for a streamed body
    ["a chunked body over 1 MB to the password step", fetch(main + "/api/sign-in/password", { method: "POST", headers: { origin: main, "content-type": "application/x-www-form-urlencoded" }, body: big(), duplex: "half" }), [413]],
    ["the password step posted from another site (login CSRF)", step("/api/sign-in/password", "application/x-www-form-urlencoded", "email=a%40b.c&password=x", { origin: "https://evil.example" }), [403]],
    ["the code step posted with no Origin", step("/api/sign-in/code", "application/x-www-form-urlencoded", "code=123456", { accept: "application/json" }), [403]],
    ["the code step without a pending sign-in", step("/api/sign-in/code", "application/x-www-form-urlencoded", "code=123456"), [200]],
    ["next-auth's callback without its CSRF token", fetch(main + "/api/auth/callback/ticket", { method: "POST", body: new URLSearchParams({ ticket: "forged" }), redirect: "manual" }), [302, 303, 400, 401, 403]],
    ["GET /api/auth/%ff", fetch(main + "/api/auth/%ff", { redirect: "manual" }), [400]],
    ["GET /admin/users/%ff", fetch(main + "/admin/users/%ff", { redirect: "manual" }), [400]],
    ["GET /admin/users/%E0%A4%A", fetch(main + "/admin/users/%E0%A4%A", { redirect: "manual" }), [400]],
  ];
  for (const [name, response, expected] of cases) {
    const status = (await response).status;
    expect(expected, `${name}: ${status}`).toContain(status);
  }
  // The usual answers: the message a form shows, with JavaScript (JSON) and without (back to the form).
  const ok = await step("/api/sign-in/password", "application/x-www-form-urlencoded", "email=&password=");
  expect(await ok.json(), "the usual message").toMatchObject({ errors: { email: "errors.emailRequired", password: "errors.passwordRequired" } });
  const plainForm = await step("/api/sign-in/password", "application/x-www-form-urlencoded", "email=&password=", { origin: main });
  expect([plainForm.status, plainForm.headers.get("location")]).toEqual([303, "/login?error=errors.emailRequired"]);
  const expired = await step("/api/sign-in/code", "application/x-www-form-urlencoded", "code=123456");
  expect(await expired.json()).toMatchObject({ problem: { key: "verify.expired" }, expired: true });
  await new Promise((r) => setTimeout(r, 500));
  expect(log()).not.toMatch(/\n\s+at \S/);
});

test.describe("an admin on PostgreSQL's pet hates (point 19)", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("a NUL byte in a search, an id or the export, and a malformed id, get a page, a 404 or a 400", async ({ page }) => {
    const admin = { email: `nul-admin-${randomBytes(4).toString("hex")}@e2e.test`, password: `pw-${randomBytes(8).toString("hex")}` };
    await operator(["create", admin.email, "--password", admin.password, "--admin"], servers.past);
    await signIn(page, admin);
    await enroll(page, admin.password);
    const expectations: [string, number][] = [
      ["/admin/users?q=%00", 200],
      ["/admin/audit?user=%00", 200],
      ["/admin/audit?admin=a%00b", 200],
      ["/admin/users/export?q=%00", 200],
      ["/admin/users/%00", 404],
      ["/admin/users/%ff", 400],
      ["/admin/users/%E0%A4%A", 400],
    ];
    for (const [path, status] of expectations) expect((await page.request.get(path)).status(), path).toBe(status);
  });
});

test("odd but deliverable addresses sign in with the form, as the CLI created them; undeliverable ones are refused by both (point 9)", async ({ page }) => {
  test.setTimeout(180_000); // seven runs of the command line
  const id = randomBytes(4).toString("hex");
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const typed: [created: string, signInAs: string][] = [
    [`first#1-${id}@e2e.test`, `first#1-${id}@e2e.test`],
    [`a&b-${id}@e2e.test`, `a&b-${id}@e2e.test`],
    [`jörg-${id}@e2e.test`, `JÖRG-${id}@e2e.test`],
    // What a browser's type=email field sends for a Unicode domain: punycode.
    [`user-${id}@exämple.test`, `user-${id}@xn--exmple-cua.test`],
    [`user2-${id}@exämple.test`, `user2-${id}@exämple.test`],
  ];
  for (const [created, signInAs] of typed) {
    await operator(["create", created, "--password", password], servers.main);
    await signIn(page, { email: signInAs, password });
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await signOut(page);
  }
  await expect(operator(["create", `x..y-${id}@e2e.test`, "--password", password], servers.main)).rejects.toThrow(/valid email/);
  await expect(operator(["create", `user-${id}@localhost`, "--password", password], servers.main)).rejects.toThrow(/valid email/);
  for (const refused of [`x..y-${id}@e2e.test`, `user-${id}@localhost`]) {
    await signIn(page, { email: refused, password }, { fails: true });
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  }
});

test("codes typed in Arabic-Indic, Persian or full-width digits are the codes they are (point 11)", async ({ page, account }) => {
  test.setTimeout(120_000); // waits for a new time step
  await signIn(page, account);
  const key = await openScanStep(page, account.password);
  await page.getByLabel("Verification code").fill(arabicIndic(codeAt(key)));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  await page.goto("/");
  await signOut(page);

  await signIn(page, account);
  await page.getByLabel("Verification code").fill(persian(codeAt(key, 30)));
  await submit(page, "Verify");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await signOut(page);
  await signIn(page, account);
  await nextStep(page);
  await page.getByLabel("Verification code").fill(fullWidth(codeAt(key, 30)));
  await submit(page, "Verify");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a code three minutes ahead gets no hint that it will work (point 8)", async ({ page, account }) => {
  await signIn(page, account);
  const { key } = await enroll(page, account.password);
  await page.goto("/");
  await signOut(page);
  await signIn(page, account);
  await page.getByLabel("Verification code").fill(codeAt(key, 3 * 60));
  await submit(page, "Verify");
  await expect(page.getByText("That code is not valid. Check your app and try again with the code shown now.")).toBeVisible();
  await expect(page.getByText(/clock/)).toHaveCount(0);
});

test("a second confirmation in the wizard still shows the recovery codes, not the QR code again (point 12)", async ({ page, account }) => {
  await signIn(page, account);
  const key = await openScanStep(page, account.password);
  await page.getByLabel("Verification code").fill(codeAt(key));
  await submitTwice(page, page.locator("form").filter({ has: page.getByLabel("Verification code") }));
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByTestId("totp-key")).toHaveCount(0);
});

test('"Create new recovery codes" submitted twice still shows the new codes (point 12)', async ({ page, account }) => {
  await signIn(page, account);
  const { key, codes: first } = await enroll(page, account.password);
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Create new recovery codes" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByLabel("Verification code or recovery code").fill(codeAt(key, 30));
  await submitTwice(page, dialog.locator("form"));
  await expect(dialog.getByText("Your new recovery codes are below. Your old codes no longer work.")).toBeVisible();
  const shown = dialog.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(shown).toHaveCount(10);
  const fresh = await shown.allTextContents();
  expect(fresh.filter((c) => first.includes(c))).toEqual([]);
  await expect(dialog.getByText("That code is not valid", { exact: false })).toHaveCount(0);
  // One set was made, not two: the codes on screen are the ones in the mail.
  await expect.poll(async () => (await mailbox(account.email)).filter((m) => m.subject.startsWith("New recovery codes")).length).toBe(1);
});

test.describe("in a browser in Los Angeles (point 13)", () => {
  test.use({ timezoneId: "America/Los_Angeles" });

  test("the banner gives the cutoff as a moment in UTC and in the reader's time", async ({ page, account }) => {
    await signIn(page, account);
    await page.reload();
    const banner = page.getByRole("complementary", { name: "Two-factor authentication" });
    await expect(banner).toContainText(/mandatory on .* at 00:00 UTC\./);
    await expect(banner).toContainText(/\(That is .* at 1[67]:00 (PST|PDT|GMT-[78]) in your time zone\.\)/);
    // The security page's list of sessions says when, in the reader's zone, named.
    await page.goto("/settings/security");
    const sessions = page.getByRole("list", { name: "Where you're signed in" });
    await expect(sessions.getByText(/Last active: .+ (PST|PDT|GMT-[78])/)).toBeVisible();
    // Since when 2FA is on: a moment in the reader's zone, named, on the security page and the account's.
    await enroll(page, account.password);
    for (const path of ["/settings/security", "/"]) {
      await page.goto(path);
      await expect(page.getByText(/^On since .+ (PST|PDT|GMT-[78])\.$/)).toBeVisible();
    }
  });
});

test.describe("in a browser in Brussels (point 13)", () => {
  test.use({ timezoneId: "Europe/Brussels" });

  test("the throttle's time to retry is given in the reader's zone, named", async ({ page, account }) => {
    const wrong = wrongCode(await enrollAndSignInAgain(page, account));
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Verification code").fill(wrong);
      await submit(page, "Verify");
    }
    await expect(page.getByText(/codes are refused until \d{1,2}:\d{2}( [AP]M)? (CET|CEST|GMT\+[12])/)).toBeVisible();
  });
});
