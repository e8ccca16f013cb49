import { servers } from "../playwright.config";
import { approve, chooseLanguage, codeAt, confirmTamperedChange, createAccount, enroll, secondAdmin, expect, fillSteadily, mailbox, signIn, signOut, submit, test } from "./fixtures";

test.describe("before the date", () => {
  test("every page shows when 2FA becomes mandatory, with the days left and a way to set it up", async ({ page, account }) => {
    await signIn(page, account);
    const banner = page.getByRole("complementary", { name: "Two-factor authentication" });
    await expect(banner).toContainText("Two-factor authentication becomes mandatory on");
    // The date is 40 days from the start of today, UTC: 40 days on the reader's calendar (UTC here).
    await expect(banner).toContainText(/mandatory on .* at 00:00 UTC\. 40 days left\./);
    await page.goto("/settings/security");
    await expect(banner).toBeVisible();
    await banner.getByRole("link", { name: "Set up now" }).click();
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    // The wizard says the deadline itself, with no banner whose "Set up now" leads to where the user is.
    await expect(page.getByRole("main")).toContainText(/mandatory on .* at 00:00 UTC\. 40 days left\./);
    await expect(banner).toHaveCount(0);
    await enroll(page, account.password);
    await page.goto("/");
    await expect(banner).toHaveCount(0);
  });
});

test.describe("after the date", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("a user without 2FA gets the wizard before anything else, and nothing else until enrolled", async ({ page }) => {
    const account = await createAccount({}, servers.past);
    await signIn(page, account);
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    await expect(page.getByText(/Two-factor authentication has been mandatory since/)).toBeVisible();
    for (const path of ["/", "/settings/security", "/admin", "/admin/outbox"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/two-factor\/setup$/);
    }

    await chooseLanguage(page, "Language", "Nederlands");
    await expect(page.getByRole("heading", { level: 1, name: /tweestapsauthenticatie/i })).toBeVisible();
    await chooseLanguage(page, "Taal", "English");
    await expect(page.getByRole("heading", { level: 1, name: "Set up two-factor authentication" })).toBeVisible();

    const { key, codes } = await enroll(page, account.password);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await page.goto("/settings/security");
    await expect(page.getByText(/cannot be turned off/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn off two-factor authentication" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Change authenticator app" })).toBeVisible();
    // Turning off asked anyway (a tampered form) is refused before the recovery code is checked: none is spent.
    const tampered = await confirmTamperedChange(page, "Change authenticator app", "disable", account.password, codes[0]!);
    await expect(tampered.getByText("Two-factor authentication is mandatory: it can no longer be turned off.")).toBeVisible();
    await tampered.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByText("10 recovery codes left.")).toBeVisible();
    expect(key).toBeTruthy();
  });

  test("signing out still works for a user who must enroll", async ({ page }) => {
    const account = await createAccount({}, servers.past);
    await signIn(page, account);
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    await signOut(page);
  });

  test("the lost-phone story: request, support resets, the old authenticator is refused, the user enrolls again", async ({ page, browser }) => {
    test.setTimeout(120_000); // two enrollments, a request and a reset: about 55 s on a loaded 2-core machine
    const account = await createAccount({}, servers.past);
    await signIn(page, account);
    const { key: oldKey } = await enroll(page, account.password);
    await signOut(page);

    await signIn(page, account);
    await page.getByRole("link", { name: "Lost access to your authenticator app?" }).click();
    await expect(page.getByRole("link", { name: "Sign in with a recovery code" })).toBeVisible();
    await submit(page, "Send request");
    await expect(page.getByText("Enter your full name.")).toBeVisible();
    await page.getByLabel("Full name").fill(account.name);
    await page.getByLabel("Organisation").fill("Acme BV");
    await page.getByLabel("What happened?").fill("I lost my phone");
    await page.getByLabel("Phone number").fill("not a phone");
    await submit(page, "Send request");
    await expect(page.getByText("Enter a phone number, like +32 470 12 34 56.")).toBeVisible();
    await expect(page.getByLabel("What happened?")).toHaveValue("I lost my phone");
    await fillSteadily(page.getByLabel("Phone number"), "+32 470 12 34 56");
    await submit(page, "Send request");
    await expect(page.getByText("Your request was sent.")).toBeVisible();
    await expect.poll(async () => (await mailbox(account.email, servers.past)).map((m) => m.subject)).toContain("We received your request to reset two-factor authentication");

    // Support, in another browser: the request, the account, a reset with how identity was verified.
    const support = await browser.newPage();
    const admin = await createAccount({ admin: true }, servers.past);
    await signIn(support, admin);
    await enroll(support, admin.password);
    const approver = await secondAdmin(browser, servers.past);
    await support.goto("/admin/requests");
    const request = support.getByRole("region", { name: account.name });
    await expect(request).toContainText("I lost my phone");
    await expect(request).toContainText("+32 470 12 34 56");
    await request.getByRole("link", { name: `Open the account ${account.email}` }).click();
    const reset = support.getByRole("region", { name: "Reset two-factor authentication" });
    await submit(support, reset.getByRole("button", { name: "Reset two-factor authentication" }));
    await expect(reset.getByText("Enter the reason for the reset.")).toBeVisible();
    await reset.getByLabel("Called back on a number on file").check();
    await reset.getByLabel("Reason").fill("Lost phone; called back on +32 470 12 34 56");
    await reset.getByRole("button", { name: "Reset two-factor authentication" }).click();
    await expect(support.getByText(/The reset waits for a second administrator's approval/)).toBeVisible();
    const approval = await approve(approver, `Two-factor reset: ${account.email}`);
    await expect(approval.getByText(/Two-factor authentication was reset and a mail to the person is on its way/)).toBeVisible();
    // The account page was open before the approval: it shows the reset once reloaded.
    await support.reload();
    const trail = support.getByRole("table", { name: "Audit trail" });
    await expect(trail.getByRole("row").filter({ hasText: "Two-factor authentication reset by support" })).toBeVisible();
    await expect(trail).toContainText("Lost phone; called back on +32 470 12 34 56");
    await expect.poll(async () => (await mailbox(account.email, servers.past)).map((m) => m.subject)).toContain("Two-factor authentication for your Mail-IT-Wize account was reset");
    await support.close();

    await page.goto("/login");
    await signIn(page, account);
    // No second step any more: the date is past, so the wizard comes first.
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    const { key: newKey } = await enroll(page, account.password);
    expect(newKey).not.toEqual(oldKey);
    await signOut(page);

    await signIn(page, account);
    await page.getByLabel("Verification code").fill(codeAt(oldKey, 30));
    await submit(page, "Verify");
    await expect(page.getByText(/That code is not valid/)).toBeVisible();
    await page.getByLabel("Verification code").fill(codeAt(newKey, 30));
    await submit(page, "Verify");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  });
});

test.describe("during the grace period", () => {
  test.use({ baseURL: `http://localhost:${servers.grace.port}` });

  test("a user may choose 'Remind me later' and is told how many times are left, and until when", async ({ page }) => {
    const account = await createAccount({}, servers.grace);
    await signIn(page, account);
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    await expect(page.getByText(/You can choose “Remind me later” 3 more times\. It cannot be postponed past .* at 00:00 UTC\./)).toBeVisible();
    await page.getByRole("button", { name: "Remind me later" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const banner = page.getByRole("complementary", { name: "Two-factor authentication" });
    await expect(banner).toContainText(/You chose to be reminded later: two-factor authentication will be asked again on .* UTC\. You can choose “Remind me later” 2 more times\./);
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  });
});
