import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAccount, expect, mailbox, operator, signIn, signOut, submit, test } from "./fixtures";

const THROTTLED = /Too many failed sign-in attempts\. For your security, try again after .+ UTC\./;

/** Five wrong passwords from `page`, each answered as any wrong password is. */
async function guessFiveTimes(page: Page, email: string) {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email, password: `guess-${i}-${randomBytes(4).toString("hex")}` }, { fails: true });
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
}

test("after five wrong passwords from elsewhere, the right one waits there, but the owner's browser signs in", async ({ page, browser, account }) => {
  await signIn(page, account);
  await signOut(page);

  const attacker = await browser.newContext();
  const elsewhere = await attacker.newPage();
  await guessFiveTimes(elsewhere, account.email);
  await signIn(elsewhere, account, { fails: true });
  await expect(elsewhere.getByText(THROTTLED)).toBeVisible();
  await expect(elsewhere).toHaveURL(/\/login$/);

  // An email without an account gets the very same answers.
  const nobody = `nobody-${randomBytes(5).toString("hex")}@e2e.test`;
  await guessFiveTimes(elsewhere, nobody);
  await signIn(elsewhere, { email: nobody, password: account.password }, { fails: true });
  await expect(elsewhere.getByText(THROTTLED)).toBeVisible();
  await attacker.close();

  // The owner's browser carries its device cookie: failures from elsewhere do not slow it.
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a sign-in from a new browser is mailed to the owner, with when, browser, system and address", async ({ page, browser, account }) => {
  await signIn(page, account);
  await signOut(page);
  const other = await browser.newContext();
  await signIn(await other.newPage(), account);
  await other.close();
  const notices = async () => (await mailbox(account.email)).filter((m) => m.subject === "New sign-in to your Mail-IT-Wize account");
  await expect.poll(async () => (await notices()).length).toBe(1);
  const [notice] = await notices();
  expect(notice!.text).toMatch(/When: .+ UTC/);
  expect(notice!.text).toMatch(/Browser: .*Chrom/);
  expect(notice!.text).toContain("System: Linux");
  expect(notice!.text).toMatch(/Address: \S+/);
  expect(notice!.text).toContain("If it was not, someone knows your password");

  // The first browser is known to the account: no new notice.
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(await notices()).toHaveLength(1);
});

test("where you're signed in: every session is listed, this one marked; another, then all others, can be ended", async ({ page, browser, account }) => {
  await signIn(page, account);
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [second, third] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  await signIn(second, account);
  await page.goto("/settings/security");
  const list = page.getByRole("list", { name: "Where you're signed in" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem", { name: /\(This browser\)$/ })).toHaveCount(1);
  await expect(list.getByText(/Last active: .+ UTC/).first()).toBeVisible();

  await submit(page, list.getByRole("button", { name: /^End session/ }));
  await expect(page.getByText("The session was ended: that browser is signed out.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await second.goto("/");
  await expect(second).toHaveURL(/\/login$/);

  await signIn(second, account);
  await signIn(third, account);
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await submit(page, "End all other sessions");
  await expect(page.getByText("2 other browsers were signed out.")).toBeVisible();
  for (const other of [second, third]) {
    await other.goto("/settings/security");
    await expect(other).toHaveURL(/\/login$/);
  }
  await page.reload();
  await expect(page.getByText("No other browser is signed in.")).toBeVisible();
  for (const c of contexts) await c.close();
});

test("the command line refuses common, leaked and personal passwords, saying why; a new password signs every browser out", async ({ page, account }) => {
  const email = `user-${randomBytes(5).toString("hex")}@e2e.test`;
  const refusal = (args: string[]) => operator(args).then(() => "accepted", (error: { stderr: string }) => error.stderr);
  expect(await refusal(["create", email, "--password", "password1234"])).toContain("too easy to guess");
  expect(await refusal(["create", email, "--password", `${email.split("@")[0]}2026`])).toContain("built from your email address, your name or the product's name");
  expect(await refusal(["create", email, "--password", "short"])).toContain("at least 10 characters");
  expect(await refusal(["set-password", account.email, "--password", "Mail-IT-Wize2026"])).toContain("built from your email address");

  await signIn(page, account);
  expect(await operator(["set-password", account.email, "--password", `new-${randomBytes(8).toString("hex")}`])).toContain("1 session(s)");
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/login$/);
});

test("the password asked again before a 2FA change counts against the same throttle", async ({ page }) => {
  const account = await createAccount();
  await signIn(page, account);
  await page.goto("/two-factor/setup");
  await page.getByRole("link", { name: "Get started" }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}-password`);
    await submit(page, "Confirm Password");
    await expect(page.getByText("That password is not correct.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(account.password);
  await submit(page, "Confirm Password");
  await expect(page.getByText(THROTTLED)).toBeVisible();
  await expect(page.getByTestId("totp-key")).toHaveCount(0);
});
