import { codeAt, confirmChange, confirmTamperedChange, createAccount, enroll, enrollAndSignInAgain, expect, fillSteadily, mailbox, openScanStep, paste, signIn, signOut, submit, test, wrongCode } from "./fixtures";

test("the wizard: start, confirm password, scan, a wrong code keeps the same QR code, a right one turns 2FA on", async ({ page, account }) => {
  await signIn(page, account);
  await page.goto("/two-factor/setup");
  await expect(page.getByText("Google Authenticator (Android, iOS)")).toBeVisible();
  await expect(page.getByText("Step 1 of 4: Get started", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/^Step 1 of 4: Get started · Set up two-factor authentication · /);
  await page.getByRole("link", { name: "Get started" }).click();
  await expect(page.getByText("Please confirm your password before continuing.")).toBeVisible();
  await expect(page).toHaveTitle(/^Step 2 of 4: Confirm your password · /);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Confirm Password" }).click();
  await expect(page.getByText("That password is not correct.")).toBeVisible();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Confirm Password" }).click();

  const key = (await page.getByTestId("totp-key").textContent())!;
  expect(key.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByText("Step 3 of 4: Scan the QR code", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/^Step 3 of 4: Scan the QR code · Set up two-factor authentication · /);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();

  await page.getByLabel("Verification code").fill("12ab56");
  await submit(page, "Submit");
  await expect(page.getByText("Enter the 6-digit code from your app.")).toBeVisible();
  const wrong = codeAt(key) === "000000" ? "111111" : "000000";
  await page.getByLabel("Verification code").fill(wrong);
  await submit(page, "Submit");
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await expect(page.getByTestId("totp-key")).toHaveText(key);

  // Leaving half way leaves 2FA off: the password alone still signs in.
  await page.goto("/settings/security");
  await expect(page.getByText(/^Off\./)).toBeVisible();

  // Coming back within the confirmation's lifetime resumes at the same QR code.
  await page.goto("/two-factor/setup");
  await expect(page.getByTestId("totp-key")).toHaveText(key);
  await page.getByLabel("Verification code").fill(codeAt(key));
  await submit(page, "Submit");
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
  await expect(page.getByText(/sign out and sign in again/)).toBeVisible();
  await expect(page).toHaveTitle(/^Step 4 of 4: Save your recovery codes · Set up two-factor authentication · Mail-IT-Wize$/);
  // "Continue" only once the codes are saved: here by downloading them.
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByText("Confirm that you saved your recovery codes")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as a text file" }).click();
  expect((await download).suggestedFilename()).toBe("mail-it-wize-recovery-codes.txt");
  await expect(page.getByLabel("I have saved my recovery codes somewhere safe")).toBeChecked();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const mails = await mailbox(account.email);
  const enabled = mails.find((m) => m.subject.includes("Two-factor authentication is on"));
  expect(enabled, "recovery codes are mailed").toBeTruthy();
  for (const c of codes) expect(enabled!.text).toContain(c);

  await page.goto("/settings/security");
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();
  await expect(page.getByText(key.slice(0, 9))).toHaveCount(0);
});

test("sign-in with 2FA: the second step, replay refused, a phone behind explained, recovery codes work once", async ({ page, account }) => {
  await signIn(page, account);
  // The code that confirmed the app is replayed a few seconds later: typed with 10 s or more left in
  // its step, it is still within the server's ±1 step then (two steps later it would read as a phone behind).
  const { key, codes, code: enrollmentCode } = await enroll(page, account.password, { stepLeft: 10 });
  await signOut(page);

  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByLabel("Verification code").fill(enrollmentCode);
  await submit(page, "Verify");
  // Refused as used, not explained as a clock behind (whose message also begins "That code is not valid").
  await expect(page.getByText("That code is not valid. Check your app and try again with the code shown now.")).toBeVisible();
  await expect(page).toHaveURL(/\/login\/verify$/);

  // A password alone reaches the second step and nothing else.
  for (const path of ["/", "/settings/security", "/two-factor/setup", "/admin"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
  await page.goto("/login/verify");
  await page.getByLabel("Verification code").fill("abc");
  await submit(page, "Verify");
  await expect(page.getByText("Enter the 6-digit code from your app.")).toBeVisible();

  // The form answered just before: React's reset of it may land after the answer shows. The code
  // is 9 time steps old when made: 9 or 10 when the server reads it (a step may end meanwhile), and
  // both round to 5 minutes. A code 10 steps old would read 11 steps late, "about 6 minutes".
  await fillSteadily(page.getByLabel("Verification code"), codeAt(key, -9 * 30));
  await submit(page, "Verify");
  await expect(page.getByText(/your phone's clock seems to be about 5 minutes behind/)).toBeVisible();

  // A code copied from the app ("123 456") is pasted whole; the field keeps the digits.
  // One code, read once: read twice, a time step may end between the reads.
  const ahead = codeAt(key, 30);
  await expect(async () => {
    await paste(page.getByLabel("Verification code"), ahead.replace(/(\d{3})/, "$1 "));
    await page.waitForTimeout(250);
    await expect(page.getByLabel("Verification code")).toHaveValue(ahead, { timeout: 100 });
  }).toPass({ timeout: 10_000 });
  await submit(page, "Verify");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await signOut(page);

  await signIn(page, account);
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!.toUpperCase().replace("-", " "));
  await submit(page, "Verify");
  await expect(page.getByText("You have 9 recovery codes left.")).toBeVisible();
  // Only the sign-in's own redirect says so: an address made up by hand does not.
  await page.goto("/settings/security?recovery=abc");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("You signed in with a recovery code.")).toHaveCount(0);
  await expect.poll(async () => (await mailbox(account.email)).some((m) => m.subject.includes("recovery code was used") && m.text.includes("9 recovery codes left"))).toBe(true);
  await signOut(page);

  await signIn(page, account);
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await submit(page, "Verify");
  await expect(page.getByText("That recovery code is not valid or was already used.")).toBeVisible();
});

test("five wrong codes block every attempt, a right one too, and say when to retry", async ({ page, account }) => {
  const key = await enrollAndSignInAgain(page, account);
  const wrong = wrongCode(key);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Verification code").fill(wrong);
    await submit(page, "Verify");
    // The form is cleared when the answer is shown: the same message twice proves nothing by itself.
    await expect(page.getByLabel("Verification code")).toHaveValue("");
    await expect(page.getByText(i < 4 ? /That code is not valid/ : /Too many wrong codes/)).toBeVisible();
  }
  await page.getByLabel("Verification code").fill(codeAt(key, 30));
  await submit(page, "Verify");
  await expect(page.getByText(/codes are refused until \d{1,2}:\d{2}.* UTC/)).toBeVisible();
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test("security settings: each change asks in one dialog; the page shows what changed at once", async ({ page, account }) => {
  await signIn(page, account);
  const { key, codes } = await enroll(page, account.password);
  await page.goto("/settings/security");
  await expect(page).toHaveTitle(/^Security · /);
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();

  const regenerate = await confirmChange(page, "Create new recovery codes", account.password, codes[1]!);
  await expect(regenerate.getByRole("heading", { name: "New recovery codes" })).toBeVisible();
  await expect(regenerate.getByText("Your new recovery codes are below.")).toBeVisible();
  const fresh = await regenerate.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  expect(fresh).toHaveLength(10);
  expect(fresh).not.toContain(codes[2]);
  // "Done" waits until the codes are saved somewhere.
  await regenerate.getByRole("button", { name: "Done" }).click();
  await expect(regenerate.getByText("Confirm that you saved your recovery codes")).toBeVisible();
  await expect(regenerate.getByLabel("I have saved my recovery codes somewhere safe")).toBeFocused();
  await regenerate.getByLabel("I have saved my recovery codes somewhere safe").check();
  await regenerate.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // The page behind was rendered again: the used code is gone and the new set is whole.
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create new recovery codes" })).toBeFocused();

  // A change the page does not offer (a tampered form) is refused before the code is checked: no code is spent.
  const tampered = await confirmTamperedChange(page, "Create new recovery codes", "everything", account.password, fresh[0]!);
  await expect(tampered.getByText("That request could not be read. Please try again.")).toBeVisible();
  await tampered.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();

  const disable = await confirmChange(page, "Turn off two-factor authentication", account.password, codes[2]!);
  await expect(disable.getByText("That recovery code is not valid or was already used.")).toBeVisible();
  await expect(disable.getByLabel("Verification code or recovery code")).toBeFocused();
  await disable.getByLabel("Password").fill(account.password);
  await disable.getByLabel("Verification code or recovery code").fill(codeAt(key, 30));
  await submit(page, disable.getByRole("button", { name: "Turn off two-factor authentication" }));
  await expect(page.getByText("Two-factor authentication is off.")).toBeVisible();
  // Focus is on the message that replaced the dialog, not lost to the page's body.
  await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is off." })).toBeFocused();
  await expect(page.getByText(/^Off\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Create new recovery codes" })).toHaveCount(0);
  await expect.poll(async () => (await mailbox(account.email)).map((m) => m.subject)).toContain("Two-factor authentication is off for your Mail-IT-Wize account");

  await signOut(page);
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("the wizard in French, and the mail in French", async ({ browser }) => {
  const account = await createAccount({ locale: "fr" });
  const context = await browser.newContext({ locale: "fr-BE" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte" })).toBeVisible();
  const key = await openScanStep(page, account.password, { begin: "Commencer", password: "Mot de passe", confirm: "Confirmer le mot de passe" });
  await page.getByLabel("Code de vérification").fill("12");
  await submit(page, "Valider");
  await expect(page.getByText("Saisissez le code à 6 chiffres de votre application.")).toBeVisible();
  await page.getByLabel("Code de vérification").fill(codeAt(key));
  await submit(page, "Valider");
  await expect(page.getByRole("list", { name: "Vos codes de récupération" }).getByRole("listitem")).toHaveCount(10);
  await expect.poll(async () => (await mailbox(account.email)).some((m) => /authentification à deux facteurs/i.test(m.subject))).toBe(true);
  await context.close();
});

test("the wizard works with the keyboard alone", async ({ page, account }) => {
  await signIn(page, account);
  await page.goto("/two-factor/setup");
  const begin = page.getByRole("link", { name: "Get started" });
  for (let i = 0; i < 30 && !(await begin.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(begin).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  const key = (await page.getByTestId("totp-key").textContent())!;
  await expect(page.getByLabel("Verification code")).toBeFocused();
  await page.keyboard.type(codeAt(key));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  // The code form gave way to the answer: the focus is on it, not on the page.
  await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is on" })).toBeFocused();
});

test("changing the authenticator app: the old one works until the new one is confirmed; other browsers are signed out", async ({ browser, page, account }) => {
  await signIn(page, account);
  const { key: oldKey, codes } = await enroll(page, account.password);
  const other = await browser.newPage();
  await signIn(other, account);
  await other.getByLabel("Verification code").fill(codeAt(oldKey, 30));
  await other.getByRole("button", { name: "Verify" }).click();
  await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.goto("/settings/security");
  const change = await confirmChange(page, "Change authenticator app", account.password, codeAt(oldKey, -30));
  await expect(change.getByText(/That code is not valid/)).toBeVisible();
  await change.getByLabel("Password").fill(account.password);
  // The other browser took this 30 s step's code: a recovery code proves it is really the owner.
  await change.getByLabel("Verification code or recovery code").fill(codes[0]!);
  await submit(page, change.getByRole("button", { name: "Change authenticator app" }));
  await expect(page.getByRole("heading", { name: "Change your authenticator app" })).toBeVisible();
  const newKey = (await page.getByTestId("totp-key").textContent())!;
  expect(newKey).not.toEqual(oldKey);

  // Not confirmed yet: the other browser is still signed in, with the old app.
  await other.reload();
  await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Verification code").fill(codeAt(newKey));
  await submit(page, "Submit");
  await expect(page.getByRole("heading", { name: "Your new authenticator app is set up" })).toBeVisible();
  await other.reload();
  await expect(other).toHaveURL(/\/login$/);
  await expect.poll(async () => (await mailbox(account.email)).map((m) => m.subject)).toContain("Your Mail-IT-Wize authenticator app was changed");

  await signOut(page);
  await signIn(page, account);
  await page.getByLabel("Verification code").fill(codeAt(oldKey, 90));
  await submit(page, "Verify");
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await page.getByLabel("Verification code").fill(codeAt(newKey, 30));
  await submit(page, "Verify");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await other.close();
});
