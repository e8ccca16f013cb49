import { servers } from "../playwright.config";
import { approve, confirmChange, createAccount, enroll, expect, secondAdmin, signIn, submit, test } from "./fixtures";

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/requests", "/admin/audit", "/admin/settings", "/admin/outbox"];

test("non-admins are refused every admin page and the CSV export", async ({ page, account }) => {
  await signIn(page, account);
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  const csv = await page.request.get("/admin/users/export");
  expect(csv.status()).toBe(403);
  expect(csv.headers()["content-type"]).toContain("text/html");
  const refusal = await csv.text();
  expect(refusal).not.toContain("@e2e.test");
  expect(refusal).toContain("Access denied");
});

test.describe("an admin", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("finds accounts, exports them, changes the rollout settings, and cannot reset their own 2FA", async ({ page }) => {
    const admin = await createAccount({ admin: true, name: "Ada Admin" }, servers.past);
    const user = await createAccount({ name: "Zoë Zed" }, servers.past);
    await signIn(page, admin);
    const { codes } = await enroll(page, admin.password);
    // A 2FA change, confirmed with a recovery code: the audit log says so (below).
    await page.goto("/settings/security");
    const regenerate = await confirmChange(page, "Create new recovery codes", admin.password, codes[0]!);
    await regenerate.getByLabel("I have saved my recovery codes somewhere safe").check();
    await regenerate.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await page.getByRole("link", { name: "Accounts" }).first().click();
    await page.getByLabel("Search by email or name").fill("zoë");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: user.email })).toBeVisible();
    await expect(page.getByRole("link", { name: admin.email })).toHaveCount(0);

    const csv = await page.request.get("/admin/users/export");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(user.email);
    // Excel reads the accents right (byte-order mark) and the headers are in the admin's language.
    expect(text.startsWith("\uFEFFEmail,Name,Role,Language,")).toBe(true);
    expect(text).toContain("Zoë Zed");
    await page.goto("/admin/audit");
    await page.getByLabel("Administrator email").fill(admin.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("cell", { name: "Accounts exported (CSV)" })).toBeVisible();
    await page.goto(`/admin/audit?user=${encodeURIComponent(admin.email)}&event=recovery_codes.regenerated`);
    await expect(page.getByRole("cell", { name: "New recovery codes created Created new recovery codes; the old ones stopped working. Confirmed with the password and a recovery code." })).toBeVisible();

    await page.goto("/admin/settings");
    await page.getByLabel("Grace period in days").fill("");
    await submit(page, "Save settings");
    await expect(page.getByLabel("Grace period in days")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Cutoff date").fill("2025-05-05");
    await page.getByLabel("Grace period in days").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByLabel("Grace period in days")).not.toHaveAttribute("aria-invalid", "true");

    await page.goto("/admin/users");
    await page.getByLabel("Search by email or name").fill(admin.email);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: admin.email }).click();
    const reset = page.getByRole("region", { name: "Reset two-factor authentication" });
    await expect(reset.getByText("You cannot reset your own two-factor authentication: another administrator must do it.")).toBeVisible();
    await expect(reset.getByRole("button", { name: "Reset two-factor authentication" })).toHaveCount(0);
  });
});

test.describe("an admin whose 2FA was reset", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("cannot use an admin page left open from before: its action sends them to the wizard", async ({ browser }) => {
    test.setTimeout(120_000); // three admins enroll and a reset is approved: 60 s was not enough at a load of 10 on 2 cores
    const [x, y] = [await createAccount({ admin: true }, servers.past), await createAccount({ admin: true }, servers.past)];
    const xContext = await browser.newContext();
    const stale = await xContext.newPage();
    await signIn(stale, x);
    await enroll(stale, x.password);
    await stale.goto("/admin/settings");
    await expect(stale.getByLabel("Grace period in days")).toHaveValue("0");

    const support = await browser.newPage();
    await signIn(support, y);
    await enroll(support, y.password);
    const approver = await secondAdmin(browser, servers.past);
    await support.goto("/admin/users");
    await support.getByLabel("Search by email or name").fill(x.email);
    await support.getByRole("button", { name: "Search" }).click();
    await support.getByRole("link", { name: x.email }).click();
    const reset = support.getByRole("region", { name: "Reset two-factor authentication" });
    await reset.getByLabel("Identity document seen").check();
    await reset.getByLabel("Reason").fill("New phone, ID seen at the desk");
    await reset.getByRole("button", { name: "Reset two-factor authentication" }).click();
    await expect(support.getByText(/The reset waits for a second administrator's approval/)).toBeVisible();
    const approval = await approve(approver, `Two-factor reset: ${x.email}`);
    await expect(approval.getByText(/Two-factor authentication was reset/)).toBeVisible();

    // X signs in again in another tab of the same browser: no 2FA now, so the wizard first.
    const fresh = await xContext.newPage();
    await signIn(fresh, x);
    await expect(fresh).toHaveURL(/\/two-factor\/setup$/);

    await stale.getByLabel("Grace period in days").fill("30");
    await stale.getByRole("button", { name: "Save settings" }).click();
    await expect(stale).toHaveURL(/\/two-factor\/setup$/);
    await support.goto("/admin/settings");
    await expect(support.getByLabel("Grace period in days")).toHaveValue("0");
    await xContext.close();
    await support.close();
  });
});
