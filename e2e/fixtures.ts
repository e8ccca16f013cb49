import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { test as base, expect, type Page } from "@playwright/test";
import { servers } from "../playwright.config";

export type Account = { email: string; password: string; name: string };
type Options = { admin?: boolean; locale?: "en" | "fr" | "nl"; name?: string };

const run = promisify(execFile);

/** Runs the operators' command line (`npm run users -- …`) on the database a server uses. */
export async function operator(args: string[], server = servers.main): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, BCRYPT_COST: "4" },
  });
  return stdout;
}

export async function createAccount(options: Options = {}, server = servers.main): Promise<Account> {
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

/** Signs in with a password; unless told it fails, waits until the browser has left /login. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, options: { fails?: boolean } = {}) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!options.fails) await page.waitForURL((url) => url.pathname !== "/login");
}

export const test = base.extend<{ account: Account; admin: Account }>({
  account: async ({}, use) => use(await createAccount()),
  admin: async ({}, use) => use(await createAccount({ admin: true })),
});

export { expect };
