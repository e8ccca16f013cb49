import { servers } from "../playwright.config";
import { approve, confirmChange, createAccount, enroll, operator, expect, secondAdmin, fillSteadily, mailAttempts, mailbox, mailOutage, signIn, signOut, submit, test } from "./fixtures";

// Resend answers 500, then 429 with Retry-After, then hangs past the send timeout, for every new
// message to the account: each journey still completes at once for the user, and each mail
// arrives exactly once after Resend recovers (the deliverer retries with the same Idempotency-Key).
const OUTAGE = ["500", "429", "hang"] as const;
// Each mail waits out the outage (about 8 s here) and these journeys are long: triple the budget.
test.slow();

/** Waits until the fake Resend holds exactly these subjects for `email`, each once, then checks every message went through the whole outage. */
async function deliveredOnce(email: string, subjects: string[], server = servers.main) {
  await expect
    .poll(async () => (await mailbox(email, server)).map((m) => m.subject).sort(), { timeout: 30_000 })
    .toEqual([...subjects].sort());
  const attempts = await mailAttempts(email, server);
  const keys = new Set(attempts.map((a) => a.idempotencyKey));
  expect(keys.size).toBe(subjects.length);
  for (const key of keys) throughOutage(attempts, key);
}

/** The answers one message got: the whole outage, then accepted (a slow answer may be retried, always with the same key). */
function throughOutage(attempts: { idempotencyKey?: string; answer: string }[], key: string | undefined) {
  const answers = attempts.filter((a) => a.idempotencyKey === key).map((a) => a.answer);
  expect(answers.slice(0, OUTAGE.length)).toEqual([...OUTAGE]);
  expect(answers.length).toBeGreaterThan(OUTAGE.length);
  expect(answers.slice(OUTAGE.length).every((a) => a === "ok")).toBe(true);
}

test("enrollment and new recovery codes during a Resend outage: codes on screen at once, each mail delivered once when Resend is back", async ({ page, account }) => {
  await mailOutage(account.email, [...OUTAGE]);
  await signIn(page, account);
  const { codes } = await enroll(page, account.password);
  expect(codes).toHaveLength(10);
  await expect(page.getByText(`A copy is on its way to ${account.email}`)).toBeVisible();

  await page.goto("/settings/security");
  const regenerate = await confirmChange(page, "Create new recovery codes", account.password, codes[0]!);
  await expect(regenerate.getByText("Your new recovery codes are below.")).toBeVisible();
  const fresh = await regenerate.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allTextContents();
  expect(fresh).toHaveLength(10);

  // Confirming with a recovery code is itself mailed.
  await deliveredOnce(account.email, [
    "Two-factor authentication is on for your Mail-IT-Wize account",
    "A recovery code was used to sign in to Mail-IT-Wize",
    "New recovery codes for your Mail-IT-Wize account",
  ]);
  const mails = await mailbox(account.email);
  const enabled = mails.find((m) => m.subject.startsWith("Two-factor authentication is on"))!;
  for (const code of codes) expect(enabled.text).toContain(code);
  const regenerated = mails.find((m) => m.subject.startsWith("New recovery codes"))!;
  for (const code of fresh) expect(regenerated.text).toContain(code);
});

test("a mail Resend refuses ends as failed: the overview warns, and an admin sends it again", async ({ page, account, admin }) => {
  await mailOutage(account.email, ["422"]);
  await operator(["sign-out", account.email]);
  await signIn(page, admin);
  await enroll(page, admin.password);
  await expect.poll(async () => {
    await page.goto("/admin");
    return page.getByText(/could not be delivered/).count();
  }, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByRole("link", { name: "See the mail queue" }).click();
  await page.getByLabel("Recipient").fill(account.email);
  await page.getByRole("button", { name: "Show" }).click();
  const mail = page.getByRole("article", { name: "You were signed out of Mail-IT-Wize everywhere" });
  await expect(mail).toContainText("Failed");
  await expect(mail).toContainText("422: The address is not accepted");
  await submit(page, mail.getByRole("button", { name: `Send the mail “You were signed out of Mail-IT-Wize everywhere” to ${account.email} again` }));
  await expect(page.getByText("The mail is queued again.")).toBeVisible();
  await expect.poll(async () => (await mailbox(account.email)).map((m) => m.subject)).toEqual(["You were signed out of Mail-IT-Wize everywhere"]);
  await page.goto(`/admin/audit?event=mail.retried`);
  await expect(page.getByRole("table")).toContainText("Failed mail sent again");
});

test.describe("after the date", () => {
  test.use({ baseURL: `http://localhost:${servers.past.port}` });

  test("a lost-access request and support's reset during a Resend outage: both complete, each mail delivered once", async ({ page, browser }) => {
    const account = await createAccount({}, servers.past);
    await signIn(page, account);
    await enroll(page, account.password);
    await signOut(page);
    await mailOutage(account.email, [...OUTAGE], servers.past);

    await signIn(page, account);
    await page.getByRole("link", { name: "Lost access to your authenticator app?" }).click();
    await page.getByLabel("Full name").fill(account.name);
    await page.getByLabel("Organisation").fill("Acme BV");
    await page.getByLabel("What happened?").fill("My phone fell in the sea");
    await fillSteadily(page.getByLabel("Phone number"), "+32 470 12 34 56");
    await submit(page, "Send request");
    await expect(page.getByText("Your request was sent. A confirmation is on its way")).toBeVisible();

    const support = await browser.newPage();
    const admin = await createAccount({ admin: true }, servers.past);
    await signIn(support, admin);
    await enroll(support, admin.password);
    const approver = await secondAdmin(browser, servers.past);
    await support.goto("/admin/requests");
    await support.getByRole("region", { name: account.name }).getByRole("link", { name: `Open the account ${account.email}` }).click();
    const reset = support.getByRole("region", { name: "Reset two-factor authentication" });
    await reset.getByLabel("Called back on a number on file").check();
    await reset.getByLabel("Reason").fill("Phone lost at sea; called back");
    await reset.getByRole("button", { name: "Reset two-factor authentication" }).click();
    await expect(support.getByText(/The reset waits for a second administrator's approval/)).toBeVisible();
    const approval = await approve(approver, `Two-factor reset: ${account.email}`);
    await expect(approval.getByText(/Two-factor authentication was reset and a mail to the person is on its way/)).toBeVisible();

    // Support can see why the person has no mail yet, and later that it went.
    await support.goto(`/admin/outbox?to=${encodeURIComponent(account.email)}`);
    await expect(support.getByRole("heading", { name: "Two-factor authentication for your Mail-IT-Wize account was reset" })).toBeVisible();

    const subjects = ["Two-factor authentication is on for your Mail-IT-Wize account", "We received your request to reset two-factor authentication", "Two-factor authentication for your Mail-IT-Wize account was reset"];
    await expect.poll(async () => (await mailbox(account.email, servers.past)).map((m) => m.subject).sort(), { timeout: 30_000 }).toEqual([...subjects].sort());
    // The enrollment mail was sent before the outage began; the two others went through all of it.
    const attempts = await mailAttempts(account.email, servers.past);
    const outaged = [...new Set(attempts.filter((a) => a.answer !== "ok").map((a) => a.idempotencyKey))];
    expect(outaged).toHaveLength(2);
    for (const key of outaged) throughOutage(attempts, key);
    await support.reload();
    await expect(support.getByRole("article", { name: "Two-factor authentication for your Mail-IT-Wize account was reset" })).toContainText("Sent");
    await support.close();
  });
});
