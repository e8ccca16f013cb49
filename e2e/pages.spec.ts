import { mkdirSync, readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { codeAt, createAccount, expect, test, type Account } from "./fixtures";

// Every page of the product in each language, at a phone's width (390 px, and 320 px for reflow)
// and a laptop's (1280 px): no WCAG 2.2 AA violation axe can find, nothing wider than the screen.
// One test per language walks the journeys once and looks at each page at every width, resizing
// the window in between, rather than walking them again per width.
// axe runs at 390 px in every language, and at 1280 px in English: what a language changes (the
// words, their length, `lang`) shows at any width, what a width changes (the layout) in any
// language; the width check, which is cheap, runs everywhere. E2E_SCREENSHOTS=1 saves a full-page
// screenshot of every page and width for people to look at; without it only a page with a problem is saved.
const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Messages;
type Messages = typeof import("../messages/en.json");
const [en, fr, nl] = ["en", "fr", "nl"].map(messages) as [Messages, Messages, Messages];
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANGUAGES = { en: { messages: en, browser: "en-GB" }, fr: { messages: fr, browser: "fr-BE" }, nl: { messages: nl, browser: "nl-BE" } } as const;
const PHONE = 390;
const NARROWEST = 320;
const LAPTOP = 1280;
const SCREENSHOTS = "test-results/screenshots";
const everyScreenshot = !!process.env.E2E_SCREENSHOTS;

type Problem = { page: string; problem: string };

/**
 * Checks the page as it stands, at each width in turn: axe (at 390 px, and at 1280 px when
 * `axeWide`), then the width; a full-page screenshot when asked for or when something was found.
 * Leaves the window at the phone's width, where the journeys go on.
 */
async function check(page: Page, name: string, folder: string, problems: Problem[], axeWide: boolean) {
  await page.waitForLoadState("load");
  for (const width of [PHONE, NARROWEST, LAPTOP]) {
    await page.setViewportSize({ width, height: 900 });
    const found = problems.length;
    if (width === PHONE || (width === LAPTOP && axeWide)) {
      // Legacy mode runs axe.run() in the page itself; the default opens a blank page for every
      // check to merge the results of cross-origin frames, which these pages do not have.
      const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
      for (const v of results.violations) problems.push({ page: `${name} at ${width} px`, problem: `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})` });
    }
    await checkWidth(page, `${name} at ${width} px`, problems);
    if (everyScreenshot || problems.length > found) await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: PHONE, height: 900 });
}

/**
 * Nothing wider than the window: else the problem names the innermost elements that reach past its
 * right edge. Asked again twice, a moment apart, before it counts: what sizes itself with a
 * ResizeObserver (the charts) follows a narrowed window a few frames late.
 */
async function checkWidth(page: Page, name: string, problems: Problem[]) {
  const measure = () =>
    page.evaluate(() => {
      const past = [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
      const describe = (el: HTMLElement) => `<${el.tagName.toLowerCase()} class="${el.className.toString().slice(0, 60)}">${(el.textContent ?? "").trim().slice(0, 40)}`;
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits: innermost.slice(0, 3).map(describe) };
    });
  let found = await measure();
  for (let again = 0; again < 2 && found.scrollWidth > found.innerWidth; again++) {
    await page.waitForTimeout(250);
    found = await measure();
  }
  const { scrollWidth, innerWidth, culprits } = found;
  if (scrollWidth > innerWidth) problems.push({ page: name, problem: `${scrollWidth} px wide in a ${innerWidth} px window: ${culprits.join(" | ")}` });
}

async function signInWithPassword(page: Page, m: Messages, account: Account) {
  await page.goto("/login");
  await page.getByLabel(m.signIn.email).fill(account.email);
  await page.getByLabel(m.signIn.password).fill(account.password);
  await page.getByRole("button", { name: m.signIn.submit }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** Walks the wizard; `visit` sees each screen (start, password, scan, done). Returns the key. */
async function enroll(page: Page, m: Messages, password: string, visit: (name: string) => Promise<void> = async () => {}) {
  await page.goto("/two-factor/setup");
  await visit("wizard-1-start");
  await page.getByRole("link", { name: m.setup.begin }).click();
  await expect(page.getByLabel(m.setup.password)).toBeVisible();
  await visit("wizard-2-password");
  await page.getByLabel(m.setup.password).fill(password);
  await page.getByRole("button", { name: m.setup.confirm }).click();
  const key = (await page.getByTestId("totp-key").textContent())!;
  await visit("wizard-3-scan");
  await page.getByLabel(m.setup.code).fill(codeAt(key));
  await page.getByRole("button", { name: m.setup.submit }).click();
  await expect(page.getByRole("list", { name: m.setup.codesTitle }).getByRole("listitem")).toHaveCount(10);
  await visit("wizard-4-done");
  return key;
}

for (const [locale, { messages: m, browser: browserLocale }] of Object.entries(LANGUAGES)) {
  test(`every page in ${locale} at ${PHONE}, ${NARROWEST} and ${LAPTOP} px: no axe violation, nothing wider than the screen`, { tag: "@presentation" }, async ({ browser }) => {
    test.setTimeout(600_000); // about 30 pages, each at three widths with axe at one or two of them
    const folder = `${SCREENSHOTS}/${locale}`;
    mkdirSync(folder, { recursive: true });
    const problems: Problem[] = [];
    const [user, admin] = await Promise.all([createAccount({ locale: locale as "en" }), createAccount({ locale: locale as "en", admin: true })]);
    const context = await browser.newContext({ locale: browserLocale, viewport: { width: PHONE, height: 900 } });
    const page = await context.newPage();
    const visit = (name: string) => check(page, name, folder, problems, locale === "en");

    await page.goto("/login");
    await visit("sign-in");

    await signInWithPassword(page, m, user);
    const key = await enroll(page, m, user.password, visit);
    await page.goto("/");
    await visit("account");
    await page.goto("/settings/security");
    await visit("security");
    await page.getByRole("button", { name: m.security.regenerate }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await visit("security-dialog");
    await page.keyboard.press("Escape");

    // A passkey (Chromium's virtual authenticator): the add dialog, then the list.
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", { options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
    await page.getByRole("button", { name: m.passkeys.add }).click();
    const add = page.getByRole("dialog", { name: m.passkeys.addTitle });
    await visit("security-passkey-dialog");
    await add.getByLabel(m.passkeys.password).fill(user.password);
    await add.getByLabel(m.passkeys.code).fill(codeAt(key, 30));
    await add.getByRole("button", { name: m.passkeys.add }).click();
    await expect(add).toHaveCount(0);
    await visit("security-passkeys");
    await page.getByRole("button", { name: m.ui.actionOn.replace("{action}", m.passkeys.remove).replace("{name}", m.passkeys.defaultName) }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await visit("security-passkey-remove");
    await page.keyboard.press("Escape");
    await page.goto("/admin");
    await visit("forbidden");
    await page.goto("/no-such-page");
    await visit("not-found");

    await context.clearCookies();
    await signInWithPassword(page, m, user);
    await visit("verify");
    await page.goto("/login/verify?method=recovery");
    await visit("verify-recovery");
    await page.goto("/login/lost-access");
    await visit("lost-access");
    expect(key).toBeTruthy();

    await context.clearCookies();
    await signInWithPassword(page, m, admin);
    const adminKey = await enroll(page, m, admin.password);
    const userId = await (async () => {
      await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
      const href = await page.getByRole("link", { name: user.email }).getAttribute("href");
      return href!.split("/").pop();
    })();
    for (const [name, path] of [
      ["admin-overview", "/admin"],
      ["admin-accounts", "/admin/users"],
      ["admin-account", `/admin/users/${userId}`],
      ["admin-requests", "/admin/requests"],
      ["admin-audit", "/admin/audit"],
      ["admin-settings", "/admin/settings"],
      ["admin-outbox", "/admin/outbox"],
    ] as const) {
      await page.goto(path);
      await visit(name);
    }

    // Trusted browsers on (left on: the specs running beside this one may rely on it): the choice
    // at the second step, then the lists for the owner and for support.
    await page.goto("/admin/settings");
    const policy = page.getByRole("region", { name: m.console.settings.policy });
    await policy.getByLabel(m.console.settings.trustedBrowserDays).fill("7");
    await policy.getByRole("button", { name: m.console.settings.save }).click();
    await expect(page.getByText(m.console.settings.saved)).toBeVisible();
    await context.clearCookies();
    await signInWithPassword(page, m, user);
    await visit("verify-trust");
    const passkeyCard = page.getByRole("region", { name: m.passkeys.title });
    await passkeyCard.getByRole("checkbox").check();
    await passkeyCard.getByRole("button", { name: m.passkeys.use }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/settings/security");
    await visit("security-trusted");
    await context.clearCookies();
    await signInWithPassword(page, m, admin);
    await page.getByLabel(m.verify.code).fill(codeAt(adminKey, 30));
    await page.getByRole("button", { name: m.verify.submit }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto(`/admin/users/${userId}`);
    await visit("admin-account-trusted");
    await context.close();
    expect(problems, problems.map((p) => `${p.page}: ${p.problem}`).join("\n")).toEqual([]);
  });
}
