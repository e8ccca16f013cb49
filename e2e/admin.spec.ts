import { servers } from "../playwright.config";
import { createAccount, enroll, expect, signIn, test } from "./fixtures";

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
  expect(await csv.text()).not.toContain("@e2e.test");
});

test.describe("an admin", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("finds accounts, exports them, changes the rollout settings, and cannot reset their own 2FA", async ({ page }) => {
    const admin = await createAccount({ admin: true, name: "Ada Admin" }, servers.past);
    const user = await createAccount({ name: "Zoë Zed" }, servers.past);
    await signIn(page, admin);
    await enroll(page, admin.password);

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
    expect(await csv.text()).toContain(user.email);

    await page.goto("/admin/settings");
    await page.getByLabel("Grace period in days").fill("");
    await page.getByRole("button", { name: "Save settings" }).click();
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
