import type { Page } from "@playwright/test";
import { codeAt, enroll, expect, mailbox, operator, signIn, signOut, submit, test } from "./fixtures";

/** A virtual CTAP2 authenticator in this page's browser (DevTools WebAuthn domain), user verification on. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

async function addPasskey(page: Page, password: string, recoveryCode: string, name: string) {
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const add = page.getByRole("dialog", { name: "Add a passkey or security key" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Password").fill(password);
  await add.getByLabel("Verification code or recovery code").fill(recoveryCode);
  await add.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText(`Passkey added: ${name}.`)).toBeVisible();
  await expect(add).toHaveCount(0);
}

test("a passkey: added from the security page, used at the second step, renamed, removed with password and code", async ({ page, account }) => {
  test.setTimeout(120_000); // an enrollment, five dialogs and three sign-ins: 52 s of 60 on SQLite under load
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await signIn(page, account);
  // Recovery codes confirm the changes, so that no TOTP step is used twice within the test.
  const { key, codes } = await enroll(page, account.password);
  await addPasskey(page, account.password, codes[0]!, "Test key");
  // The change used up its confirmation: changing the app next asks for the password again.
  await page.goto("/two-factor/setup?step=confirm");
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("region", { name: "Scan the QR code" })).toHaveCount(0);
  await page.goto("/settings/security");
  const list = page.getByRole("list", { name: "Passkeys and security keys" });
  // The same authenticator again: the browser refuses it (excluded), and the page says why.
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const again = page.getByRole("dialog", { name: "Add a passkey or security key" });
  await again.getByLabel("Password").fill(account.password);
  await again.getByLabel("Verification code or recovery code").fill(codes[2]!);
  await again.getByRole("button", { name: "Add a passkey" }).click();
  await expect(again.getByText("That passkey is already registered.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(list.getByRole("listitem", { name: "Test key" })).toContainText("Not used yet");
  expect((await mailbox(account.email)).some((m) => m.subject.includes("A passkey was added"))).toBe(true);
  await signOut(page);

  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/settings/security");
  await expect(list.getByRole("listitem", { name: "Test key" })).toContainText("Last used");

  // A clone of the key with an older signature counter is refused (and audited).
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  const [credential] = credentials;
  expect(credential!.signCount).toBeGreaterThan(0);
  await signOut(page);
  await cdp.send("WebAuthn.removeCredential", { authenticatorId, credentialId: credential!.credentialId });
  await cdp.send("WebAuthn.addCredential", { authenticatorId, credential: { ...credential!, signCount: 0 } });
  await signIn(page, account);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByText("That passkey was not accepted.")).toBeVisible();
  await expect(page).toHaveURL(/\/login\/verify$/);

  // The code still works beside the passkey.
  await page.getByLabel("Verification code").fill(codeAt(key, 30));
  await submit(page, "Verify");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await page.goto("/settings/security");
  // Each change says it is done, and the message takes the focus from the dialog that asked.
  await page.getByRole("button", { name: "Rename: Test key" }).click();
  const rename = page.getByRole("dialog", { name: "Rename: Test key" });
  await rename.getByLabel("Name").fill("\u200B\u200D\u2060");
  await submit(page, rename.getByRole("button", { name: "Rename" }));
  await expect(rename.getByText("This name shows nothing: use at least one visible letter, digit or sign.")).toBeVisible();
  await rename.getByLabel("Name").fill("Work key");
  await submit(page, rename.getByRole("button", { name: "Rename" }));
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeFocused();
  await expect(list.getByRole("listitem", { name: "Work key" })).toBeVisible();

  await page.getByRole("button", { name: "Remove: Work key" }).click();
  const remove = page.getByRole("dialog", { name: "Remove Work key" });
  await remove.getByLabel("Password").fill(account.password);
  await remove.getByLabel("Verification code or recovery code").fill("aaaaa-aaaaa");
  await submit(page, remove.getByRole("button", { name: "Remove" }));
  await expect(remove.getByText(/recovery code is not valid/i)).toBeVisible();
  await remove.getByLabel("Password").fill(account.password);
  await remove.getByLabel("Verification code or recovery code").fill(codes[1]!);
  await submit(page, remove.getByRole("button", { name: "Remove" }));
  await expect(page.getByText("No passkey yet.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Passkey removed." })).toBeFocused();
  await page.reload();
  await expect(page.getByText("No passkey yet.")).toBeVisible();
  expect((await mailbox(account.email)).some((m) => m.subject.includes("A passkey was removed"))).toBe(true);
});

test("without WebAuthn in the browser the passkey option is hidden with an explanation", async ({ page, account }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: a browser without WebAuthn
    delete window.PublicKeyCredential;
  });
  await signIn(page, account);
  await enroll(page, account.password);
  await page.goto("/settings/security");
  await expect(page.getByText(/This browser cannot use passkeys on this page/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
});

test("the wizard's other way: a passkey turns 2FA on with recovery codes, and signs in", async ({ page, account }) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  const signatures = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials.reduce((n, c) => n + c.signCount, 0);
  await signIn(page, account);
  await page.goto("/two-factor/setup");
  await page.getByRole("link", { name: "Get started" }).click();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Confirm Password" }).click();
  await page.getByRole("region", { name: "Use a passkey or security key instead" }).getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  // No app was set up: nothing speaks of one, neither here nor on the security page nor at the second step.
  await expect(page.getByText("From now on you will use your passkey after your password when you sign in.")).toBeVisible();
  const codes = await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  // The app's steps give way to the recovery codes.
  await expect(page.getByRole("region", { name: "Scan the QR code" })).toHaveCount(0);
  await page.goto("/settings/security");
  await expect(page.getByRole("list", { name: "Passkeys and security keys" }).getByRole("listitem")).toHaveCount(1);
  const appCard = page.getByRole("region", { name: "Authenticator app" });
  await expect(appCard).toContainText("No authenticator app is set up: your account asks for a passkey since");
  await expect(appCard.getByRole("button", { name: "Change authenticator app" })).toHaveCount(0);
  // The change is confirmed with the password and the passkey, by keyboard: no recovery code is spent.
  const codesCard = page.getByRole("region", { name: "Recovery codes", exact: true });
  await expect(codesCard).toContainText("10 recovery codes left.");
  await appCard.getByRole("button", { name: "Add an authenticator app" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an authenticator app" });
  await expect(dialog).toContainText("Each change asks for your password and one of your passkeys or recovery codes.");
  // A wrong password is refused before the browser asks for the passkey: the authenticator signs nothing.
  const signed = await signatures();
  await dialog.getByLabel("Password").fill("not the password");
  await dialog.getByRole("button", { name: "Use a passkey" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Password")).toBeFocused();
  await expect(dialog.getByLabel("Password")).toHaveAccessibleDescription("That password is not correct.");
  expect(await signatures()).toBe(signed);
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByRole("button", { name: "Use a passkey" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Add an authenticator app" })).toBeVisible();
  // Left and come back later: the wizard's own confirm step takes the passkey too, and asks for no app's code.
  await page.getByRole("button", { name: "Cancel" }).click();
  // Cancel is a server action that forgets the confirmation, then leads back to the security page:
  // the next page is asked for only once it has answered.
  await expect(page).toHaveURL(/\/settings\/security$/);
  await page.goto("/two-factor/setup?step=confirm");
  await expect(page.getByText("Please confirm your password and one of your passkeys (or a recovery code) before continuing.")).toBeVisible();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("region", { name: "Scan the QR code" })).toBeVisible();
  await page.goto("/settings/security");
  await expect(codesCard).toContainText("10 recovery codes left.");
  await expect(page.getByRole("list", { name: "Passkeys and security keys" }).getByRole("listitem")).toContainText("Last used");
  await page.goto("/");
  await signOut(page);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole("link", { name: "Lost access to your passkey?" })).toBeVisible();
  // No app was set up: the second step offers the passkey and a recovery code, never an app's code.
  await expect(page.getByLabel("Verification code")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Use your authenticator app instead" })).toHaveCount(0);
  await expect(page.getByLabel("Recovery code")).toBeVisible();
  await page.goto("/login/verify?method=totp");
  await expect(page.getByLabel("Verification code")).toHaveCount(0);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page).not.toHaveURL(/two-factor\/setup/);
  // In a browser that cannot use passkeys here, a change is confirmed with a recovery code, and the dialog says so.
  await page.addInitScript(() => {
    // @ts-expect-error: a browser without WebAuthn
    delete window.PublicKeyCredential;
  });
  await page.goto("/settings/security");
  await appCard.getByRole("button", { name: "Add an authenticator app" }).click();
  await expect(dialog).toContainText("This browser cannot use passkeys on this page: each change asks for your password and one of your recovery codes.");
  await expect(dialog.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);
});

test("support's temporary access code: the new enrollment removes the old passkeys with the old app", async ({ page, account }) => {
  await virtualAuthenticator(page);
  await signIn(page, account);
  const { codes } = await enroll(page, account.password);
  await addPasskey(page, account.password, codes[0]!, "Old key");
  await signOut(page);
  const printed = await operator(["issue-access-code", account.email, "--reason", "lost phone and key, called back", "--verified", "callback"]);
  const code = printed.match(/[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}/)![0];
  await signIn(page, account);
  await page.getByRole("link", { name: "Use a temporary access code from support" }).click();
  await page.getByLabel("Temporary access code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await enroll(page, account.password);
  await page.goto("/settings/security");
  await expect(page.getByText("No passkey yet.")).toBeVisible();
  await signOut(page);
  // The old key no longer opens the account: the second step offers no passkey at all.
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);
});
