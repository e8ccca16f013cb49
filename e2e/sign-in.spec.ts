import { chooseLanguage, codeAt, createAccount, enroll, expect, operator, signIn, test, wrongCode } from "./fixtures";

test("a user signs in, sees who is signed in, and signs out", async ({ page, account }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${account.name} (${account.email}).`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password and an unknown email get the same message, and the email is kept", async ({ page, account }) => {
  await signIn(page, { email: account.email, password: "not the password" }, { fails: true });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await signIn(page, { email: "nobody@e2e.test", password: account.password }, { fails: true });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("email is case-insensitive at sign-in", async ({ page, account }) => {
  await signIn(page, { email: account.email.toUpperCase(), password: account.password });
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("bad input gets a clear message, never an error page", async ({ page, account }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await page.getByLabel("Email").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Email").fill(`${"a".repeat(10_000)}@e2e.test`);
  await page.getByLabel("Password").fill("whatever password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();

  // bcrypt reads 72 bytes: a longer password that starts with the real one must not match.
  await signIn(page, { email: account.email, password: account.password + "x".repeat(80) }, { fails: true });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  // The network fails (the server restarting): the form says so, and the next try signs in.
  await page.route("**/api/sign-in/password", (route) => route.abort("connectionreset"), { times: 1 });
  await signIn(page, account, { fails: true });
  await expect(page.getByRole("alert").filter({ hasText: "We could not reach the server." })).toBeFocused();
  await expect(page.getByLabel("Email"), "what was typed is kept").toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toHaveValue(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a 1 MB password and malformed bodies are refused with a 4xx, without a stack trace", async ({ page, request, account }) => {
  await page.goto("/login");
  // Where the sign-in form posts, as the browser would send it.
  const endpoint = await page.locator("form", { has: page.getByLabel("Password") }).getAttribute("action");
  expect(endpoint).toBe("/api/sign-in/password");
  const huge = await request.post(endpoint!, {
    multipart: { email: account.email, password: "p".repeat(1024 * 1024) },
    headers: { origin: new URL(page.url()).origin, accept: "application/json" },
  });
  expect(huge.status()).toBeGreaterThanOrEqual(400);
  expect(huge.status()).toBeLessThan(500);
  expect(await huge.text()).not.toMatch(/\n\s+at .+:\d+:\d+/);

  for (const body of ["{not json", "email=%E0%A4%A&password=x", "\u0000\u0001"]) {
    const r = await request.post("/api/auth/callback/ticket", { data: body, headers: { "content-type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
    expect(r.status()).toBeLessThan(500);
    expect(await r.text()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }
  const bogusAction = await request.post("/login", { data: "garbage", headers: { "next-action": "deadbeef", "content-type": "text/plain" } });
  expect(bogusAction.status()).toBeGreaterThanOrEqual(400);
  expect(bogusAction.status()).toBeLessThan(500);
});

test("a password alone cannot be traded for a session through next-auth's endpoint", async ({ request, account }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const r = await request.post("/api/auth/callback/ticket", {
    form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, ticket: "forged" },
    maxRedirects: 0,
  });
  expect(r.status()).toBeLessThan(500);
  const home = await request.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers()["location"]).toMatch(/\/login$/);
});

test("the language follows the browser, can be switched, and is remembered on the account", async ({ browser }) => {
  const account = await createAccount({ locale: "nl" });
  const dutch = await browser.newContext({ locale: "nl-BE" });
  const page = await dutch.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(account.email);
  await page.getByLabel("Wachtwoord").fill(account.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { name: "Je account" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "Taal: Nederlands" })).toBeVisible();

  await chooseLanguage(page, "Taal", "Français");
  await expect(page.getByRole("heading", { name: "Votre compte" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Votre compte" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await dutch.close();

  // A new browser, in English, gets the language kept on the account once signed in.
  const english = await browser.newContext({ locale: "en-US" });
  const again = await english.newPage();
  await signIn(again, account);
  await again.goto("/");
  await expect(again.getByRole("heading", { name: "Votre compte" })).toBeVisible();
  await english.close();
});

test("a new browser gets the account's language on the code step too, on the whole page", async ({ browser, page, account }) => {
  await signIn(page, account);
  await enroll(page, account.password);
  await page.goto("/");
  await chooseLanguage(page, "Language", "Nederlands");
  await expect(page.getByRole("heading", { name: "Je account" })).toBeVisible();
  const english = await browser.newContext({ locale: "en-US" });
  const again = await english.newPage();
  await signIn(again, account);
  await expect(again).toHaveURL(/\/login\/verify$/);
  await expect(again.getByRole("heading", { level: 1, name: "Tweestapsverificatie" })).toBeVisible();
  // The layout and the form (client translations) speak Dutch too, and the page says so to screen readers.
  await expect(again.locator("html")).toHaveAttribute("lang", "nl");
  await expect(again.getByLabel("Verificatiecode")).toBeVisible();
  await english.close();
});

test("without JavaScript the language is still a click away, and sign-in still works", async ({ browser, page: withScript, account }) => {
  await signIn(withScript, account);
  const { key } = await enroll(withScript, account.password);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await chooseLanguage(page, "Language", "Nederlands");
  await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
  await expect(page).toHaveTitle(/^Aanmelden · /);
  await chooseLanguage(page, "Taal", "English");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  // Both steps post plain forms: a refusal comes back with its message, the right answer goes on.
  await signIn(page, { email: account.email, password: "not the password" }, { fails: true });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByLabel("Verification code").fill(wrongCode(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await page.getByLabel("Verification code").fill(codeAt(key, 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await context.close();
});

test("only admins reach /admin; the outbox is theirs too", async ({ page, account, admin }) => {
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/outbox"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  // Admins need 2FA whatever the date: the first sign-in leads to the wizard.
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByText("Administrators must use two-factor authentication")).toBeVisible();
  await enroll(page, admin.password);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await page.getByRole("link", { name: "Accounts" }).first().click();
  await page.getByLabel("Search by email or name").fill(account.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: account.email })).toBeVisible();
  await page.getByRole("link", { name: "Mail outbox" }).click();
  await expect(page.getByRole("heading", { name: "Mail outbox" })).toBeVisible();
});

test("a session revoked on the server stops working at the next request", async ({ page, account }) => {
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await operator(["sign-out", account.email]);
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
});
