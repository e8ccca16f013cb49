import { codeAt, createAccount, enroll, expect, fillSteadily, mailbox, secondAdmin, signIn, signOut, submit, test } from "./fixtures";

const CODE = /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/;

test("lost phone: request → code approved by a second admin → password + code → wizard → new app only → request closed → mails", async ({ page, browser }) => {
  // Three browsers and a dozen mails: 60 s was not enough on a loaded machine (1.7 min at a load of 12 on 2 cores).
  test.setTimeout(180_000);
  const account = await createAccount();
  await signIn(page, account);
  const old = await enroll(page, account.password);
  await signOut(page);

  // The person asks for help from the second step.
  await signIn(page, account);
  await page.getByRole("link", { name: "Lost access to your authenticator app?" }).click();
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Organisation").fill("Acme BV");
  await page.getByLabel("What happened?").fill("My phone fell in the sea");
  await fillSteadily(page.getByLabel("Phone number"), "+32 470 12 34 56");
  await submit(page, "Send request");
  const reference = (await page.getByText(/Your request's reference is R-/).textContent())!.match(/R-[2-9A-Z]{6}/)![0];
  // The form gave way to its answer: a keyboard user's focus is on it, not on the page.
  await expect(page.getByRole("status").filter({ hasText: /Your request's reference is R-/ })).toBeFocused();

  // Support issues a code from the request's card; a second admin approves and alone sees it.
  const approver = await secondAdmin(browser);
  const support = await secondAdmin(browser);
  await support.goto("/admin/requests");
  const card = support.getByRole("region", { name: account.name });
  await expect(card).toContainText(reference);
  await card.getByLabel("Called back on a number on file").check();
  await card.getByLabel("Reason").fill("Lost phone; called back on the number on file");
  await card.getByRole("button", { name: "Issue a temporary access code" }).click();
  await expect(card.getByText(/waits for a second administrator's approval/)).toBeVisible();
  await expect(card.getByText(CODE)).toHaveCount(0);

  await approver.goto("/admin");
  const item = approver.getByRole("region", { name: `Temporary access code: ${account.email}` });
  await expect(item).toContainText("Lost phone; called back on the number on file");
  await expect(item).toContainText(reference);
  await item.getByRole("button", { name: "Approve" }).click();
  const code = (await item.getByText(CODE).textContent())!;

  // Before the new enrollment, nothing of the account's 2FA is lost: the old app still signs in.
  await signIn(page, account);
  // The next step's code: the current one may be the one the enrollment used (a replay, refused).
  await page.getByLabel("Verification code").fill(codeAt(old.key, 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/$/);
  await signOut(page);

  // Password + code: the session reaches only the wizard, which skips nothing.
  await signIn(page, account);
  await page.getByRole("link", { name: "Use a temporary access code from support" }).click();
  await page.getByLabel("Temporary access code").fill(code.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await page.goto("/settings/security");
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  const fresh = await enroll(page, account.password);
  expect(fresh.codes).toHaveLength(10);
  await signOut(page);

  // The old app and old recovery codes are refused; the new app works; the code is used up.
  await signIn(page, account);
  await page.getByLabel("Verification code").fill(codeAt(old.key, 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Verification code")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(old.codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Recovery code")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("link", { name: "Use a temporary access code from support" }).click();
  await page.getByLabel("Temporary access code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/This code is not valid/)).toBeVisible();
  await page.goto("/login/verify");
  await page.getByLabel("Verification code").fill(codeAt(fresh.key, 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The request is closed; the owner was told in their language, never with the code.
  await support.goto("/admin/requests");
  await expect(support.getByRole("region", { name: account.name })).toHaveCount(0);
  await expect.poll(async () => (await mailbox(account.email)).map((m) => m.subject)).toEqual(
    expect.arrayContaining(["A temporary access code was issued for your Mail-IT-Wize account", "Your Mail-IT-Wize temporary access code was used"]),
  );
  for (const mail of await mailbox(account.email)) {
    expect(mail.text).not.toContain(code);
    expect(mail.text).not.toContain(code.replace(/-/g, ""));
  }
  const issued = (await mailbox(account.email)).find((m) => m.subject.startsWith("A temporary access code"))!;
  expect(issued.text).toContain(reference);
});

test("This wasn't me, from the mail and without signing in, ends the session opened with the code", async ({ page, browser }) => {
  test.setTimeout(120_000); // two admins and the account enroll first: past 60 s at a load of 15 on 2 cores
  const account = await createAccount();
  await signIn(page, account);
  await enroll(page, account.password);
  await signOut(page);
  const approver = await secondAdmin(browser);
  const support = await secondAdmin(browser);
  await support.goto("/admin/users");
  await support.getByLabel("Search by email or name").fill(account.email);
  await support.getByRole("button", { name: "Search" }).click();
  await support.getByRole("link", { name: account.email }).click();
  const panel = support.getByRole("region", { name: "Temporary access code" });
  await panel.getByLabel("Identity document seen").check();
  await panel.getByLabel("Reason").fill("Lost phone");
  await panel.getByRole("button", { name: "Issue a temporary access code" }).click();
  await expect(panel.getByText(/waits for a second administrator's approval/)).toBeVisible();
  const item = approver.getByRole("region", { name: `Temporary access code: ${account.email}` });
  await approver.goto("/admin");
  await item.getByRole("button", { name: "Approve" }).click();
  const code = (await item.getByText(CODE).textContent())!;

  await signIn(page, account);
  await page.goto("/login/verify?method=access");
  await page.getByLabel("Temporary access code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/two-factor\/setup$/);

  await expect.poll(async () => (await mailbox(account.email)).find((m) => m.subject === "Your Mail-IT-Wize temporary access code was used")?.text ?? "").toContain("/login/not-me?token=");
  const text = (await mailbox(account.email)).find((m) => m.subject === "Your Mail-IT-Wize temporary access code was used")!.text;
  const link = text.match(/http\S+\/login\/not-me\?token=\S+/)![0];
  // A browser that never signed in, as the owner reading their mail.
  const owner = await browser.newPage();
  await owner.goto(new URL(link).pathname + new URL(link).search);
  await owner.getByRole("button", { name: "This wasn't me" }).click();
  await expect(owner.getByText(/the code is cancelled/)).toBeVisible();

  await page.goto("/two-factor/setup");
  await expect(page).toHaveURL(/\/login$/);
  await approver.goto("/admin");
  await expect(approver.getByText(new RegExp(`${account.email.replace(/[.+]/g, "\\$&")} answered “This wasn't me”`))).toBeVisible();
});
