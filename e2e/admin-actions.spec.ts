import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { servers } from "../playwright.config";
import { createAccount, enroll, expect, signIn, test } from "./fixtures";

// Server actions are public endpoints: anyone can POST to one with its id (it is in the page's
// JavaScript). Each admin action must refuse, on the server, a signed-in user who is not an admin
// and an admin who has not set up their own second factor. Every admin action is audited with
// its actor, so "nothing happened" reads as "no audit event by the attacker".

const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
const actionId = (name: string) => {
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!found) throw new Error(`server action ${name} is not in the build`);
  return found;
};

/** Calls a server action from the page, as React does for a form with useActionState: (previous state, form data). */
async function callAction(page: Page, name: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ id, fields }) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
      form.append("0", JSON.stringify([{}, "$K1"]));
      const response = await fetch(location.pathname, { method: "POST", headers: { accept: "text/x-component", "next-action": id }, body: form, redirect: "manual" });
      return { status: response.status, body: await response.text() };
    },
    { id: actionId(name), fields },
  );
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Every admin action, with input an admin's call would succeed with (the target account's id filled in). */
const ADMIN_ACTIONS = (userId: string): [string, Record<string, string>][] => [
  ["unlockTwoFactor", { userId }],
  ["signOutEverywhere", { userId }],
  ["answerResetRequest", { requestId: "c00000000000000000000000", outcome: "rejected", message: "no" }],
  ["savePolicy", { requiredFrom: "2031-01-01", timeZone: "UTC", graceDays: "3", snoozeLimit: "1", snoozeDays: "1", newAccountDays: "0", reminderDays: "7", announcedOn: "" }],
  ["sendRemindersNow", {}],
  ["startSupportRecovery", { userId, kind: "access_code", verification: "callback", reason: "attacker", hours: "1" }],
  ["decideSupportRecovery", { recoveryId: "c00000000000000000000000", decision: "approve" }],
  ["revokeTemporaryAccess", { userId }],
  ["saveRecoverySettingsAction", { maxCodeHours: "72", secondAdmin: "off" }],
  ["extendUserDeadline", { userId, until: inAMonth, reason: "attacker" }],
  ["changeExemption", { userId, operation: "grant", reason: "attacker" }],
  ["remindSelected", { userId }],
];

test.describe("admin actions called directly", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("refuse a user who is not an admin and an admin without their own second factor; an admin's call works", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const admin = await createAccount({ admin: true }, servers.past);
    const target = await createAccount({}, servers.past);
    await signIn(page, admin);
    await enroll(page, admin.password);
    await page.goto("/admin/users");
    await page.getByLabel("Search by email or name").fill(target.email);
    await page.getByRole("button", { name: "Search" }).click();
    const href = await page.getByRole("link", { name: target.email }).getAttribute("href");
    const userId = href!.split("/").pop()!;

    const attackers = [
      { who: "an enrolled user", account: await createAccount({}, servers.past), enrolls: true },
      { who: "an admin who has not set up 2FA", account: await createAccount({ admin: true }, servers.past), enrolls: false },
    ];
    for (const { who, account, enrolls } of attackers) {
      const attacker = await (await browser.newContext({ baseURL: `http://localhost:${servers.past.port}` })).newPage();
      await signIn(attacker, account);
      if (enrolls) await enroll(attacker, account.password);
      else await expect(attacker).toHaveURL(/\/two-factor\/setup$/);
      for (const [name, fields] of ADMIN_ACTIONS(userId)) {
        const response = await callAction(attacker, name, fields);
        expect(response.status, `${who}: ${name}`).toBeLessThan(500);
        expect(response.body, `${who}: ${name}`).not.toContain(target.email);
      }
      for (const path of ["/admin/users/export", "/admin/at-risk/export"]) {
        expect((await attacker.request.get(path)).status(), `${who}: ${path}`).toBe(403);
      }
      await page.goto(`/admin/audit?admin=${encodeURIComponent(account.email)}`);
      await expect(page.getByText("No events match."), who).toBeVisible();
      await attacker.context().close();
    }
    await page.goto(`/admin/users/${userId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(target.name);
    await expect(page.locator("main")).not.toContainText("attacker");

    // The same call from the admin does what it says: the requests above were well formed.
    await page.goto("/admin/settings");
    const response = await callAction(page, "saveRecoverySettingsAction", { maxCodeHours: "9", secondAdmin: "on" });
    expect(response.status).toBe(200);
    await page.reload();
    await expect(page.getByLabel("Longest lifetime of a temporary access code (hours)")).toHaveValue("9");
    await callAction(page, "saveRecoverySettingsAction", { maxCodeHours: "8", secondAdmin: "auto" });
  });
});
