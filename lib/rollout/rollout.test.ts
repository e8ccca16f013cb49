import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { projectedShare, rolloutFunnel } from "@/lib/admin/funnel";
import { atRiskAccounts, atRiskCsv } from "@/lib/admin/at-risk";
import { mustEnroll, rolloutState } from "@/lib/policy";
import { sendRemindersTo } from "@/lib/reminders";
import { policySettings, savePolicySettings, toPolicy, type PolicySettings } from "@/lib/settings";
import { checkSecondFactor } from "@/lib/two-factor/check";
import { generateRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { createTestUser, enrolledUser } from "@/test/support/two-factor";
import { requiredNowWhere } from "./audience";
import { checkupDue, recordCheckup } from "./checkup";
import { extendDeadline, setExemption } from "./exceptions";
import { previewPolicy } from "./preview";
import { snooze } from "./snooze";

const day = 86_400_000;
const client = { ip: "192.0.2.1", userAgent: "test" };

async function fresh() {
  await db.user.deleteMany({});
}

test("'Remind me later' spends one snooze by compare-and-set, is audited, and stops at the limit", async () => {
  await fresh();
  await savePolicySettings({ requiredFrom: "2026-01-01", timeZone: "UTC", graceDays: 30, snoozeLimit: 2, snoozeDays: 3 }, "test");
  const policy = toPolicy(await policySettings());
  const now = Date.UTC(2026, 0, 5, 12);
  const created = await createTestUser();
  const user = await db.user.update({ where: { id: created.id }, data: { createdAt: new Date(Date.UTC(2025, 0, 1)) } });
  const [a, b] = await Promise.all([snooze(user, policy, client, now), snooze(user, policy, client, now)]);
  assert.equal([a, b].filter(Boolean).length, 1, "two clicks at once spend one snooze");
  let stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(stored.snoozesUsed, 1);
  assert.equal(stored.enrollmentDeferredUntil?.getTime(), now + 3 * day);
  assert.equal(rolloutState(stored, policy, now + day).kind, "snoozed");
  assert.equal(await snooze(stored, policy, client, now + day), null, "no snooze while one runs");
  assert.ok(await snooze(stored, policy, client, now + 4 * day));
  stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(await snooze(stored, policy, client, now + 8 * day), null, "the limit is reached");
  assert.deepEqual(rolloutState(stored, policy, now + 8 * day), { kind: "required" });
  const events = await db.auditEvent.findMany({ where: { userId: user.id, event: "enrollment.deferred" } });
  assert.equal(events.length, 2);
});

test("the database's 'required now' agrees with the policy function on every kind of account", async () => {
  await fresh();
  const base = Date.UTC(2026, 2, 9, 23); // 10 March 2026, 00:00 in Brussels
  const shapes = [];
  for (const createdOffset of [-100, -1, 0, 2, 9]) {
    for (const snoozesUsed of [0, 3]) {
      for (const deferred of [null, 1, 20]) {
        for (const personal of [null, 5, 40]) {
          for (const extra of ["plain", "exempt", "admin", "enrolled"]) {
            shapes.push({
              email: `${shapes.length}@shapes.test`,
              name: "Shape",
              passwordHash: "x",
              role: extra === "admin" ? "admin" : "user",
              createdAt: new Date(base + createdOffset * day),
              snoozesUsed,
              enrollmentDeferredUntil: deferred === null ? null : new Date(base + deferred * day),
              personalDeadline: personal === null ? null : new Date(base + personal * day),
              exemptAt: extra === "exempt" ? new Date(base) : null,
              twoFactorEnabledAt: extra === "enrolled" ? new Date(base) : null,
            });
          }
        }
      }
    }
  }
  await db.user.createMany({ data: shapes });
  const users = await db.user.findMany();
  const variants: Partial<PolicySettings>[] = [{}, { snoozeLimit: 0 }, { graceDays: 0 }, { newAccountDays: 0 }, { snoozeLimit: 5, graceDays: 30 }];
  for (const variant of variants) {
    const settings = { ...(await policySettings()), requiredFrom: "2026-03-10", timeZone: "Europe/Brussels", graceDays: 7, snoozeLimit: 3, newAccountDays: 7, ...variant };
    const policy = toPolicy(settings);
    for (const offset of [-3, 0, 0.5, 3, 6, 8, 15, 45]) {
      const now = new Date(base + offset * day);
      const expected = users.filter((u) => mustEnroll(rolloutState(u, policy, now.getTime()))).map((u) => u.id).sort();
      const counted = (await db.user.findMany({ where: requiredNowWhere(policy, now), select: { id: true } })).map((u) => u.id).sort();
      assert.deepEqual(counted, expected, `${JSON.stringify(variant)} at day ${offset}`);
    }
  }
});

test("the preview counts what a new date or policy makes required today, before saving", async () => {
  await fresh();
  await savePolicySettings({ requiredFrom: "2099-01-01", timeZone: "UTC", graceDays: 0, snoozeLimit: 0, newAccountDays: 7 }, "test");
  const old = new Date(Date.now() - 100 * day);
  await db.user.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@preview.test`, name: "P", passwordHash: "x", createdAt: old })) });
  await db.user.create({ data: { email: "exempt@preview.test", name: "E", passwordHash: "x", createdAt: old, exemptAt: old } });
  const current = await policySettings();
  assert.deepEqual(await previewPolicy(current, current), { before: 0, after: 0 });
  assert.deepEqual(await previewPolicy(current, { ...current, requiredFrom: "2020-01-01" }), { before: 0, after: 5 }, "the exempt account is never counted");
  assert.deepEqual(await previewPolicy(current, { ...current, requiredFrom: "2020-01-01", graceDays: 0, snoozeLimit: 3 }), { before: 0, after: 5 }, "past the last day snoozes do not help");
  const snoozable = { ...current, requiredFrom: new Date(Date.now() - day).toISOString().slice(0, 10), graceDays: 30, snoozeLimit: 3 };
  await db.user.updateMany({ where: { email: "p0@preview.test" }, data: { enrollmentDeferredUntil: new Date(Date.now() + day) } });
  assert.equal((await previewPolicy(current, snoozable)).after, 4, "a snoozed account is not stopped today");
  assert.equal(await db.setting.count({ where: { key: "two_factor.required_from", value: "2020-01-01" } }), 0, "nothing saved");
});

test("at risk: no sign-in since the announcement, snoozes used up, a deadline within 7 days, the wizard left; filtered, paged, exported", async () => {
  await fresh();
  const now = new Date();
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await savePolicySettings({ requiredFrom: dayOf(now.getTime() - 10 * day), timeZone: "UTC", graceDays: 30, snoozeLimit: 3, newAccountDays: 7, announcedOn: dayOf(now.getTime() - 40 * day) }, "test");
  const old = new Date(now.getTime() - 100 * day);
  const recent = new Date(now.getTime() - day);
  const make = (email: string, data: Record<string, unknown>) => db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x", createdAt: old, lastSignInAt: recent, ...data } });
  await make("never@risk.test", { lastSignInAt: null });
  await make("spent@risk.test", { snoozesUsed: 3 });
  await make("soon@risk.test", { personalDeadline: new Date(now.getTime() + 3 * day) });
  await make("left@risk.test", { wizardStartedAt: recent });
  await make("fine@risk.test", { snoozesUsed: 1 });
  await make("later@risk.test", { personalDeadline: new Date(now.getTime() + 30 * day) });
  await make("enrolled@risk.test", { lastSignInAt: null, twoFactorEnabledAt: recent });
  await make("exempt@risk.test", { lastSignInAt: null, exemptAt: recent });
  await make("newbie@risk.test", { createdAt: new Date(now.getTime() - 2 * day) }); // window ends in 5 days

  const all = await atRiskAccounts({ q: "", reason: "all", page: 1 }, now);
  assert.deepEqual(all.users.map((u) => u.email), ["left@risk.test", "never@risk.test", "newbie@risk.test", "soon@risk.test", "spent@risk.test"]);
  assert.deepEqual(all.users.find((u) => u.email === "never@risk.test")!.reasons, ["noSignIn"]);
  assert.deepEqual(all.counts, { noSignIn: 1, snoozesUsed: 1, deadlineSoon: 2, abandoned: 1 });
  assert.deepEqual((await atRiskAccounts({ q: "", reason: "deadlineSoon", page: 1 }, now)).users.map((u) => u.email), ["newbie@risk.test", "soon@risk.test"]);
  assert.deepEqual((await atRiskAccounts({ q: "spe", reason: "all", page: 1 }, now)).users.map((u) => u.email), ["spent@risk.test"]);
  let csv = "";
  for await (const chunk of atRiskCsv({ q: "", reason: "snoozesUsed" }, undefined, now)) csv += chunk;
  assert.match(csv, /^\uFEFFemail,name,reasons,/);
  assert.match(csv, /spent@risk\.test,spent,snoozesUsed,/);
  assert.equal(csv.trim().split("\r\n").length, 2);
  // As a French reader's Excel reads it: their headers and words, ";" between cells.
  let fr = "";
  const headers = { email: "E-mail", name: "Nom", reasons: "Pourquoi à risque", last_sign_in_at: "a", snoozes_used: "b", personal_deadline: "c", wizard_started_at: "d" };
  for await (const chunk of atRiskCsv({ q: "", reason: "snoozesUsed" }, { headers, reason: (r) => `«${r}»`, separator: ";" }, now)) fr += chunk;
  assert.match(fr, /^\uFEFFE-mail;Nom;Pourquoi à risque;a;b;c;d\r\n/);
  assert.match(fr, /spent@risk\.test;spent;«snoozesUsed»;/);

  const ids = (await db.user.findMany({ where: { email: { in: ["never@risk.test", "enrolled@risk.test", "exempt@risk.test"] } } })).map((u) => u.id);
  assert.deepEqual(await sendRemindersTo(ids, { actorId: "admin" }), { sent: 1, recent: 0 }, "only to accounts without 2FA and not exempt");
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "never@risk.test", kind: "reminderNow" } });
  assert.match(mail.text, /\/two-factor\/setup/);
  // A second click, or a colleague, within 24 hours: no second mail.
  assert.deepEqual(await sendRemindersTo(ids, { actorId: "admin" }), { sent: 0, recent: 1 });
  assert.equal(await db.outboxMessage.count({ where: { to: "never@risk.test", kind: "reminderNow" } }), 1);
});

test("the funnel counts each step in the database and projects the share at the date", async () => {
  await fresh();
  const now = new Date();
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await savePolicySettings({ requiredFrom: dayOf(now.getTime() + 14 * day), timeZone: "UTC", announcedOn: dayOf(now.getTime() - 30 * day) }, "test");
  const recent = new Date(now.getTime() - day);
  await db.user.createMany({
    data: [
      { email: "a@f.test", name: "a", passwordHash: "x" },
      { email: "b@f.test", name: "b", passwordHash: "x", lastSignInAt: recent },
      { email: "c@f.test", name: "c", passwordHash: "x", lastSignInAt: recent, wizardStartedAt: recent, snoozesUsed: 2 },
      { email: "d@f.test", name: "d", passwordHash: "x", lastSignInAt: recent, wizardStartedAt: recent, twoFactorEnabledAt: recent },
    ],
  });
  const funnel = await rolloutFunnel(now);
  assert.deepEqual([funnel.accounts, funnel.signedIn, funnel.started, funnel.enrolled, funnel.snoozesUsed], [4, 3, 2, 1, 2]);
  // 1 enrolled in the last 14 days, 14 days to go: 1 + 1 = 2 of 4.
  assert.equal(funnel.projected, 0.5);
  assert.equal(projectedShare(10, 9, 14, 14, 30), 1, "never above all");
  assert.equal(projectedShare(10, 3, 14, 14, -2), 0.3, "after the date, the share now");
});

test("support's exceptions: a later deadline (audited, mailed), an exemption (audited), never for admins", async () => {
  await fresh();
  const user = await db.user.create({ data: { email: "x@ex.test", name: "X", passwordHash: "x", locale: "nl" } });
  const admin = await db.user.create({ data: { email: "adm@ex.test", name: "A", passwordHash: "x", role: "admin" } });
  const by = { actorId: admin.id, client };
  const until = new Date(Math.floor(Date.now() / day) * day + 30 * day); // 00:00 UTC, 30 days on
  assert.deepEqual(await extendDeadline({ ...user }, new Date(Date.now() - day), "r", "UTC", by), { ok: false, reason: "past" });
  assert.deepEqual(await extendDeadline({ ...admin }, until, "r", "UTC", by), { ok: false, reason: "admin" });
  // A deadline years away is a silent exemption: refused (exemptions are listed on the overview).
  assert.deepEqual(await extendDeadline({ ...user }, new Date("9999-12-31T00:00:00Z"), "forever", "UTC", by), { ok: false, reason: "tooFar" });
  assert.deepEqual(await extendDeadline({ ...user }, until, "Long leave", "UTC", by), { ok: true });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).personalDeadline?.getTime(), until.getTime());
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email, kind: "deadlineExtended" } });
  assert.match(mail.subject, /meer tijd/);
  assert.match(mail.text, new RegExp(`${until.getUTCDate()} \\p{L}+ ${until.getUTCFullYear()} om 00:00 UTC`, "u"));
  assert.deepEqual(await setExemption(admin, "no", by), { ok: false, reason: "admin" });
  assert.deepEqual(await setExemption(user, "Scanner", by), { ok: true });
  const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(events.map((e) => [e.event, e.actorId]), [["deadline.extended", admin.id], ["exemption.granted", admin.id]]);
});

test("the check-up is due 28 days after enrollment, once; a recovery code that leaves 3 or fewer is mailed about", async () => {
  await fresh();
  const enrolledAt = new Date(Date.now() - 30 * day);
  assert.equal(checkupDue({ twoFactorEnabledAt: enrolledAt, checkupAt: null }), true);
  assert.equal(checkupDue({ twoFactorEnabledAt: new Date(Date.now() - 27 * day), checkupAt: null }), false);
  assert.equal(checkupDue({ twoFactorEnabledAt: null, checkupAt: null }), false);
  assert.equal(checkupDue({ twoFactorEnabledAt: enrolledAt, checkupAt: null, totpSecret: null }), false, "a passkey-only account has no app code to check");
  const user = await createTestUser({ twoFactorEnabledAt: enrolledAt });
  await recordCheckup(user.id, false, client);
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(checkupDue({ ...after, totpSecret: "an app" }), false, "once");
  assert.equal(checkupDue({ ...after, totpSecret: "an app", twoFactorEnabledAt: new Date(Date.now() + 1000) }, Date.now() + 29 * day), true, "enrolling again asks again");
  assert.match((await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, event: "checkup.completed" } })).details ?? "", /"hasRecoveryCodes":false/);

  const enrolled = await db.user.findUniqueOrThrow({ where: { id: (await enrolledUser()).id } });
  const codes = await generateRecoveryCodes(enrolled.id);
  for (const code of codes.slice(0, 7)) assert.equal((await checkSecondFactor(enrolled, { recoveryCode: code }, client)).ok, true);
  const low = await db.outboxMessage.findMany({ where: { to: enrolled.email, kind: "recoveryCodesLow" } });
  assert.equal(low.length, 1, "mailed when 3 remain, not before");
  assert.match(low[0]!.text, /only 3 recovery codes left/);
  assert.match(low[0]!.text, /\/settings\/security#regenerate-title/);
});
