import { randomBytes } from "node:crypto";
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { servers, type Server } from "../playwright.config";
import type { Aging } from "./support/age-account";
import type { OperatorAnswer } from "./support/operator";

export type Account = { email: string; password: string; name: string };
type Options = { admin?: boolean; locale?: "en" | "fr" | "nl"; name?: string };

/** Calls the operators' commands that the harness of `server` serves (e2e/support/operator.ts). */
async function harness(path: "/users" | "/age", input: unknown, server: Server): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.operatorPort}${path}`, { method: "POST", body: JSON.stringify(input) });
  const answer = (await res.json()) as OperatorAnswer;
  if ("stdout" in answer) return answer.stdout;
  throw Object.assign(new Error(answer.stderr), { stderr: answer.stderr });
}

/**
 * Runs an operators' command (`npm run users -- …`) on the database a server uses, as the
 * operator of that server's machine would (same database, same mail service); returns what it
 * prints, or throws with `stderr` set to its error.
 */
export async function operator(args: string[], server: Server = servers.main): Promise<string> {
  return harness("/users", { argv: args }, server);
}

export async function createAccount(options: Options = {}, server: Server = servers.main): Promise<Account> {
  const id = randomBytes(5).toString("hex");
  const account = { email: `user-${id}@e2e.test`, password: `pw-${randomBytes(8).toString("hex")}`, name: options.name ?? `Test User ${id}` };
  const args = ["create", account.email, "--password", account.password, "--name", account.name, "--locale", options.locale ?? "en"];
  if (options.admin) args.push("--admin");
  await operator(args, server);
  return account;
}

export type ReceivedMail = { subject: string; text: string; html: string; to: string[] };

/** The mail the fake Resend API received for an address, oldest first. */
export async function mailbox(email: string, server = servers.main): Promise<ReceivedMail[]> {
  const res = await fetch(`http://127.0.0.1:${server.resendPort}/emails?to=${encodeURIComponent(email)}`);
  return (await res.json()) as ReceivedMail[];
}

/**
 * Makes the fake Resend of `server` fail each new message to `email` with these answers in turn
 * ("500", "429" with Retry-After, "hang" past the send timeout, "422" refused for good) before accepting it.
 */
export async function mailOutage(email: string, plan: ("500" | "429" | "hang" | "422")[], server = servers.main) {
  await fetch(`http://127.0.0.1:${server.resendPort}/_control`, { method: "POST", body: JSON.stringify({ to: email, plan }) });
}

/** Every POST the fake Resend received for an address, with the Idempotency-Key and the answer it got. */
export async function mailAttempts(email: string, server = servers.main): Promise<{ idempotencyKey?: string; answer: string }[]> {
  const res = await fetch(`http://127.0.0.1:${server.resendPort}/_control?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { requests: { idempotencyKey?: string; answer: string }[] }).requests;
}

/** Signs in with a password; unless told it fails, waits until the browser has left /login. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, options: { fails?: boolean } = {}) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!options.fails) await page.waitForURL((url) => url.pathname !== "/login");
}

/** The code an authenticator app holding `key` shows now (or `offsetSeconds` later). */
export const codeAt = (key: string, offsetSeconds = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s/g, "")), timestamp: Date.now() + offsetSeconds * 1000 });

/** Walks the wizard from the start screen to the scan step and returns the key the page shows. */
export async function openScanStep(page: Page, password: string, labels = { begin: "Get started", password: "Password", confirm: "Confirm Password" }) {
  await page.goto("/two-factor/setup");
  await page.getByRole("link", { name: labels.begin }).click();
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.confirm }).click();
  const key = page.getByTestId("totp-key");
  await expect(key).toBeVisible();
  return (await key.textContent())!;
}

/**
 * Waits, when needed, until the current 30 s TOTP step has at least `seconds` left: a code typed
 * then stays within the server's ±1 step for at least 30 + `seconds` seconds.
 */
export async function earlyInStep(seconds: number) {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/**
 * Walks the wizard and turns 2FA on with the app; returns the key, the recovery codes and the code
 * that confirmed the app. `stepLeft`: seconds the code's step must still have (see earlyInStep).
 */
export async function enroll(page: Page, password: string, { stepLeft = 0 } = {}) {
  const key = await openScanStep(page, password);
  await earlyInStep(stepLeft);
  const code = codeAt(key);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  return { key, codes, code };
}

/** Picks a language in the header's menu, whose button reads "<label>: <current language>". */
export async function chooseLanguage(page: Page, label: string, language: string) {
  await page.locator("summary", { hasText: new RegExp(`^${label}:`) }).click();
  await page.getByRole("button", { name: language, exact: true }).click();
}

/** Pastes text into a field as a person would (Ctrl+V): a paste event with the text on the clipboard. */
export async function paste(field: Locator, text: string) {
  await field.focus();
  await field.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Opens the security page's dialog for one change and answers it with the password and a code. */
export async function confirmChange(page: Page, action: string, password: string, code: string) {
  await page.getByRole("button", { name: action }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByLabel("Verification code or recovery code").fill(code);
  await submit(page, dialog.getByRole("button", { name: action }));
  return dialog;
}

/**
 * Opens the security dialog with `action`'s button, swaps its operation for `operation` (a tampered
 * form: what the page does not offer), and submits it with the password and `code`; returns the dialog.
 */
export async function confirmTamperedChange(page: Page, action: string, operation: string, password: string, code: string) {
  await page.getByRole("button", { name: action }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator('input[name="operation"]').evaluate((input: HTMLInputElement, value) => (input.value = value), operation);
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByLabel("Verification code or recovery code").fill(code);
  await submit(page, dialog.getByRole("button", { name: action }));
  return dialog;
}

/** Enrolls the signed-in account, signs out and signs in again up to the second step; returns the TOTP key. */
export async function enrollAndSignInAgain(page: Page, account: { email: string; password: string }): Promise<string> {
  await signIn(page, account);
  const { key } = await enroll(page, account.password);
  await page.goto("/");
  await signOut(page);
  await signIn(page, account);
  return key;
}

/** Six digits that are not the key's current TOTP code. */
export const wrongCode = (key: string) => (codeAt(key) === "000000" ? "111111" : "000000");

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/**
 * Clicks a form's button and waits for its server action to answer, as a person waits for the
 * page; then a moment more, for React to reset the form before anything is typed into it again.
 */
export async function submit(page: Page, button: string | Locator) {
  const target = typeof button === "string" ? page.getByRole("button", { name: button }) : button;
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), target.click()]);
  await page.waitForTimeout(300);
}

/**
 * Fills a field of a form that has just answered: React resets such a form to its default values
 * once the answer is committed, which can land just after the answer shows. Fills until it holds.
 */
export async function fillSteadily(field: Locator, value: string) {
  await expect(async () => {
    await field.fill(value);
    await field.page().waitForTimeout(250);
    await expect(field).toHaveValue(value, { timeout: 100 });
  }).toPass({ timeout: 10_000 });
}

/** Another admin, signed in with 2FA in their own browser: the second approver of support recovery. */
export async function secondAdmin(browser: Browser, server = servers.main): Promise<Page> {
  const admin = await createAccount({ admin: true }, server);
  const page = await (await browser.newContext({ baseURL: `http://localhost:${server.port}` })).newPage();
  await signIn(page, admin);
  await enroll(page, admin.password);
  return page;
}

/** The second admin approves the pending recovery named `title` ("Two-factor reset: x@…") on the overview. */
export async function approve(page: Page, title: string): Promise<Locator> {
  await page.goto("/admin");
  const item = page.getByRole("region", { name: title });
  await item.getByRole("button", { name: "Approve" }).click();
  return item;
}

export const test = base.extend<{ account: Account; admin: Account }>({
  account: async ({}, use) => use(await createAccount()),
  admin: async ({}, use) => use(await createAccount({ admin: true })),
});

export { expect };

/** Time passing for one account: its creation, enrollment, snooze or trusted browsers' expiry moved `days` back (e2e/support/age-account.ts). */
export async function ageAccount(email: string, what: Aging, days: number, server: Server = servers.main) {
  await harness("/age", { email, what, days }, server);
}
