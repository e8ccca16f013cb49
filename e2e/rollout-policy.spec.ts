import { servers } from "../playwright.config";
import { ageAccount, codeAt, createAccount, enroll, expect, mailbox, signIn, signOut, submit, test } from "./fixtures";

// Issue 12's rollout on a server whose date was two days ago (00:00 in Brussels), with 7 grace
// days, 2 snoozes of a day, and a week for new accounts.
const server = servers.policy;
test.use({ baseURL: `http://localhost:${server.port}` });

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function signedInAdmin(page: import("@playwright/test").Page) {
  const admin = await createAccount({ admin: true }, server);
  await signIn(page, admin);
  await enroll(page, admin.password);
  return admin;
}

test("a new account gets its own week before the wizard, told in the banner with its zone", async ({ page }) => {
  const account = await createAccount({}, server);
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const banner = page.getByRole("complementary", { name: "Two-factor authentication" });
  await expect(banner).toContainText(/You have until .* (CET|CEST|GMT\+1|GMT\+2) to set up two-factor authentication\./);
  await expect(banner).toContainText(/7 days left\./);
});

test("counted snoozes until the wall: 'Remind me later' twice, then only the wizard", async ({ page }) => {
  const account = await createAccount({}, server);
  await ageAccount(account.email, "created", 30, server);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByText(/You can choose “Remind me later” 2 more times\. It cannot be postponed past .* at 00:00 (CET|CEST|GMT\+1|GMT\+2)\./)).toBeVisible();
  await page.getByRole("button", { name: "Remind me later" }).click();
  const banner = page.getByRole("complementary", { name: "Two-factor authentication" });
  await expect(banner).toContainText("You can choose “Remind me later” 1 more time.");

  await ageAccount(account.email, "snooze-lapsed", 0, server);
  await page.goto("/");
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByText(/You can choose “Remind me later” 1 more time\./)).toBeVisible();
  await page.getByRole("button", { name: "Remind me later" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await ageAccount(account.email, "snooze-lapsed", 0, server);
  for (const path of ["/", "/settings/security"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
  }
  await expect(page.getByText(/mandatory since/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Remind me later" })).toHaveCount(0);
});

test("support finds an account at risk, reminds it, and gives it a later deadline from the dashboard", async ({ page, browser }) => {
  const account = await createAccount({ locale: "en" }, server);
  await ageAccount(account.email, "created", 60, server);
  await signedInAdmin(page);

  await page.goto("/admin/at-risk");
  await page.getByLabel("Search by email or name").fill(account.email);
  await page.getByLabel("Show").selectOption("noSignIn");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("1 account at risk.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: account.email });
  await expect(row).toContainText("No sign-in since the announcement");
  await row.getByLabel(`Select ${account.email}`).check();
  await submit(page, "Send a reminder now to the selected accounts");
  await expect(page.getByText("1 reminder was sent.")).toBeVisible();
  await expect.poll(async () => (await mailbox(account.email, server)).map((m) => m.subject)).toContain("Set up two-factor authentication for your Mail-IT-Wize account");
  const reminder = (await mailbox(account.email, server)).find((m) => m.subject.startsWith("Set up"))!;
  expect(reminder.text).toContain(`http://localhost:${server.port}/two-factor/setup`);
  const csv = await page.request.get(`/admin/at-risk/export?reason=noSignIn&q=${encodeURIComponent(account.email)}`);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for "Zoë"
  const text = body.toString("utf8").replace(/^\uFEFF/, "");
  expect(text.startsWith("Email,Name,Why at risk,")).toBe(true);
  expect(text).toMatch(new RegExp(`${account.email.replace(/[.]/g, "\\.")},[^\\r\\n]*,No sign-in since the announcement,`));

  await row.getByRole("link", { name: account.email }).click();
  const deadline = page.getByRole("region", { name: "Personal deadline" });
  await expect(deadline).toContainText("None: the rollout's rules apply (its date, or a new account's own window).");
  await deadline.getByLabel("Required from").fill(inDays(10));
  await submit(page, deadline.getByRole("button", { name: "Set the personal deadline" }));
  await expect(deadline.getByText("Enter the reason.")).toBeVisible();
  await deadline.getByLabel("Reason").fill("Back from leave on the 10th");
  await submit(page, deadline.getByRole("button", { name: "Set the personal deadline" }));
  await expect(deadline.getByText("The personal deadline was set and a mail to the person is on its way.")).toBeVisible();
  await expect.poll(async () => (await mailbox(account.email, server)).map((m) => m.subject)).toContain("You have more time to set up two-factor authentication");
  await page.reload();
  await expect(page.getByRole("table", { name: "Audit trail" })).toContainText("Back from leave on the 10th");

  const user = await browser.newPage();
  await signIn(user, account);
  await expect(user.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(user.getByRole("complementary", { name: "Two-factor authentication" })).toContainText(/You have until .* at 00:00 (CET|CEST|GMT\+1|GMT\+2) to set up two-factor authentication\./);
  await user.close();
});

test("before saving, the settings say how many accounts a new date makes required today", async ({ page }) => {
  await signedInAdmin(page);
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Time zone of the date")).toHaveValue("Europe/Brussels");
  await page.getByLabel("Cutoff date").fill(inDays(-40));
  await page.getByLabel("Days for new accounts").fill("0");
  await submit(page, "Preview the change");
  await expect(page.getByText(/With these settings, \d+ accounts? ha(s|ve) to set up two-factor authentication at their next sign-in today \(now: \d+\)\. Nothing was saved yet\./)).toBeVisible();
  await page.getByLabel("“Remind me later” allowed").fill("99");
  await submit(page, "Preview the change");
  await expect(page.getByText("Enter a whole number from 0 to 20.")).toBeVisible();
});

test("28 days after enrollment, the next sign-in asks for a check-up: a code, and the recovery codes", async ({ page }) => {
  test.setTimeout(120_000);
  const account = await createAccount({}, server);
  await signIn(page, account);
  const { key } = await enroll(page, account.password);
  await signOut(page);
  await ageAccount(account.email, "enrolled", 29, server);
  // A new time step, so that the sign-in's code and the check-up's are both after the enrollment's.
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  await signIn(page, account);
  await page.getByLabel("Verification code").fill(codeAt(key));
  await submit(page, "Verify");
  const checkup = page.getByRole("region", { name: "Check-up: can you still sign in?" });
  await expect(checkup).toBeVisible();
  await checkup.getByLabel("Code from your authenticator app").fill(codeAt(key, 30));
  await submit(page, checkup.getByRole("button", { name: "Complete the check-up" }));
  await expect(checkup.getByText("Tell us whether you still have your recovery codes.", { exact: true })).toBeVisible();
  await checkup.getByLabel("I still have my recovery codes").check();
  await checkup.getByLabel("Code from your authenticator app").fill(codeAt(key, 30));
  await submit(page, checkup.getByRole("button", { name: "Complete the check-up" }));
  await expect(checkup.getByText("Thank you: your check-up is recorded.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Check-up: can you still sign in?" })).toHaveCount(0);
});
