import type { Page } from "@playwright/test";
import { type Account, ageAccount, codeAt, createAccount, enroll, expect, mailbox, operator, signIn, signOut, submit, test } from "./fixtures";

const TRUST = "Don't ask for a code on this browser for 7 days";

/** An admin (enrolled in a browser of their own) allows trusted browsers for 7 days, among the rollout settings. */
async function allowTrustedBrowsers(page: Page): Promise<Account> {
  const admin = await createAccount({ admin: true });
  await signIn(page, admin);
  await enroll(page, admin.password);
  await page.goto("/admin/settings");
  const policy = page.getByRole("region", { name: "When two-factor authentication becomes required" });
  await expect(policy.getByText(/NIST SP 800-63B revision 4 does not allow a remembered browser/)).toBeVisible();
  await policy.getByLabel("Days a browser may skip the code (0: off)").fill("7");
  await submit(page, policy.getByRole("button", { name: "Save settings" }));
  await expect(page.getByText("The settings were saved.")).toBeVisible();
  await signOut(page);
  return admin;
}

/** The second step with a recovery code, trusting this browser or not. */
async function recoveryStep(page: Page, code: string, trust: boolean) {
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.goto("/login/verify?method=recovery");
  await page.getByLabel("Recovery code").fill(code);
  if (trust) await page.getByLabel(TRUST).check();
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Turns trusted browsers on, enrolls the account, then signs in again trusting this browser (with the first recovery code); returns the recovery codes. */
async function enrollAndTrust(page: Page, account: Account): Promise<string[]> {
  await allowTrustedBrowsers(page);
  await signIn(page, account);
  const { codes } = await enroll(page, account.password);
  await signOut(page);
  await signIn(page, account);
  await recoveryStep(page, codes[0]!, true);
  return codes;
}

test("a trusted browser skips the code until forgotten, never elsewhere, and not after a password change", async ({ page, browser, account }) => {
  // Two enrollments, seven sign-ins, a second browser and the operators' command line: 55 s of 60 on SQLite under load.
  test.setTimeout(120_000);
  const codes = await enrollAndTrust(page, account);
  await page.goto("/settings/security");
  const list = page.getByRole("list", { name: "Trusted browsers" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem").first()).toContainText(/Chrome[A-Za-z ]* \d+ on Linux/);
  // Trusting a browser is a change of the second factor: the owner is told which browser and until when.
  await expect.poll(async () => (await mailbox(account.email)).find((m) => m.subject.startsWith("A browser was trusted"))?.text ?? "").toMatch(/Chrome[A-Za-z ]* \d+, Linux.*until .*UTC/s);
  await signOut(page);

  // Within the window the password alone signs in on this browser.
  await signIn(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await signOut(page);

  // Another browser is asked for the code.
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const otherPage = await other.newPage();
  await signIn(otherPage, account);
  await expect(otherPage).toHaveURL(/\/login\/verify$/);
  await other.close();

  // "Forget": the code is asked again.
  await signIn(page, account);
  await page.goto("/settings/security");
  await submit(page, page.getByRole("button", { name: /^Forget: / }));
  await expect(page.getByRole("status").filter({ hasText: /1 browser forgotten/ })).toBeFocused();
  await expect.poll(async () => (await mailbox(account.email)).map((m) => m.subject)).toContain("A trusted browser was forgotten on your Mail-IT-Wize account");
  await signOut(page);
  await signIn(page, account);
  await recoveryStep(page, codes[1]!, true);
  await signOut(page);
  await signIn(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await signOut(page);

  // A new password forgets every trusted browser.
  const password = `New-${account.password}-x9`;
  await operator(["set-password", account.email, "--password", password]);
  await signIn(page, { email: account.email, password });
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test("a support reset forgets the account's trusted browsers", async ({ page, account }) => {
  test.setTimeout(120_000); // two admins and the account enroll first: past 60 s at a load of 15 on 2 cores
  await enrollAndTrust(page, account);
  await signOut(page);
  await operator(["reset-2fa", account.email, "--reason", "lost phone"]);
  await signIn(page, account);
  const again = await enroll(page, account.password);
  await signOut(page);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  expect(again.codes).toHaveLength(10);
});

test("a trusted browser is asked for the code again once the trust has expired", async ({ page, account }) => {
  test.setTimeout(120_000); // two enrollments and three operator commands: past 60 s on PostgreSQL at a load of 10 on 2 cores
  await allowTrustedBrowsers(page);
  await signIn(page, account);
  const { key } = await enroll(page, account.password);
  await signOut(page);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByLabel("Verification code").fill(codeAt(key, 30));
  await page.getByLabel(TRUST).check();
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await signOut(page);
  await signIn(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await signOut(page);

  // Seven days later (the row's expiry moved back, as the server's clock cannot be moved).
  await ageAccount(account.email, "trust-expired", 0);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test("a temporary access code from support forgets the account's trusted browsers", async ({ page, account }) => {
  await enrollAndTrust(page, account);
  await signOut(page);
  await operator(["issue-access-code", account.email, "--reason", "lost phone, called back", "--verified", "callback"]);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test("an admin is never offered a trusted browser: the second factor is asked every time", async ({ page }) => {
  const admin = await allowTrustedBrowsers(page);
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByLabel("Verification code")).toBeVisible();
  await expect(page.getByLabel(TRUST)).toHaveCount(0);
});
