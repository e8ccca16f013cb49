import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, calendarDaysUntil, dayIn, startOfDayIn } from "./dates";
import { deadlineOf, mayDisable, mustEnroll, rolloutState, snoozeUntil, type Policy, type PolicyUser } from "./policy";
import { SETTING_FIELDS, toPolicy, type PolicySettings } from "./settings";

const day = 86_400_000;
const hour = 3_600_000;
const settings = (over: Partial<PolicySettings> = {}): PolicySettings => ({
  requiredFrom: "2026-03-10",
  timeZone: "Europe/Brussels",
  graceDays: 7,
  snoozeLimit: 3,
  snoozeDays: 1,
  newAccountDays: 7,
  reminderDays: [30, 14, 7, 1, 0],
  announcedOn: "",
  trustedBrowserDays: 0,
  maxCodeHours: 8,
  secondAdmin: "auto",
  ...over,
});
const policy = (over: Partial<PolicySettings> = {}): Policy => toPolicy(settings(over));
// 10 March 2026 00:00 in Brussels (CET, UTC+1) is 9 March 23:00 UTC.
const cutoff = Date.UTC(2026, 2, 9, 23);
const user = (over: Partial<PolicyUser> = {}): PolicyUser => ({
  role: "user",
  createdAt: new Date(Date.UTC(2025, 0, 1)),
  twoFactorEnabledAt: null,
  enrollmentDeferredUntil: null,
  snoozesUsed: 0,
  personalDeadline: null,
  exemptAt: null,
  ...over,
});

test("the date starts at 00:00 in the setting's time zone, and the last day is the date plus the grace days", () => {
  assert.equal(policy().requiredFrom.getTime(), cutoff);
  assert.equal(policy({ timeZone: "UTC" }).requiredFrom.toISOString(), "2026-03-10T00:00:00.000Z");
  assert.equal(policy({ timeZone: "America/New_York" }).requiredFrom.toISOString(), "2026-03-10T04:00:00.000Z");
  assert.equal(policy().lastDay.getTime(), cutoff + 7 * day);
  // Grace across the spring change (29 March 2026 in Brussels): the last day starts at 00:00 CEST, 23 hours earlier in UTC terms.
  assert.equal(policy({ requiredFrom: "2026-03-25", graceDays: 7 }).lastDay.toISOString(), "2026-03-31T22:00:00.000Z");
  assert.equal(SETTING_FIELDS.timeZone.fallback, "Europe/Brussels");
});

test("day counts follow the reader's own calendar, across a daylight-saving change", () => {
  const zone = "Europe/Brussels";
  const springDate = startOfDayIn("2026-03-30", zone); // the clocks went forward on the 29th
  assert.equal(calendarDaysUntil(springDate, startOfDayIn("2026-03-28", zone), zone), 2);
  assert.equal(calendarDaysUntil(springDate, startOfDayIn("2026-03-29", zone).getTime() + 23 * hour - 1, zone), 1, "the 23-hour day is one day");
  assert.equal(calendarDaysUntil(springDate, springDate, zone), 0);
  assert.equal(calendarDaysUntil(springDate, springDate.getTime() + day, zone), -1);
  const autumn = startOfDayIn("2026-10-26", zone); // the clocks went back on the 25th
  assert.equal(calendarDaysUntil(autumn, startOfDayIn("2026-10-24", zone).getTime() + 12 * hour, zone), 2);
  assert.equal(calendarDaysUntil(autumn, startOfDayIn("2026-10-25", zone).getTime() + 24 * hour, zone), 1, "the 25-hour day is still the 25th at its 24th hour");
  // A reader in New York sees the Brussels cutoff on the evening before: one day fewer on their calendar.
  assert.equal(dayIn(policy().requiredFrom, "America/New_York"), "2026-03-09");
  assert.equal(calendarDaysUntil(policy().requiredFrom, Date.UTC(2026, 2, 8, 12), "America/New_York"), 1);
  assert.equal(calendarDaysUntil(policy().requiredFrom, Date.UTC(2026, 2, 8, 12), "Europe/Brussels"), 2);
  assert.equal(addDays("2026-03-28", 3), "2026-03-31");
});

test("before the date 2FA is optional; from its first minute in the zone, required once snoozes are spent", () => {
  assert.deepEqual(rolloutState(user(), policy(), cutoff - 1), { kind: "optional", deadline: new Date(cutoff) });
  assert.equal(mustEnroll(rolloutState(user(), policy(), cutoff - 1)), false);
  assert.deepEqual(rolloutState(user(), policy({ snoozeLimit: 0 }), cutoff), { kind: "required" });
  assert.equal(mustEnroll(rolloutState(user(), policy(), cutoff)), true);
  assert.deepEqual(rolloutState(user({ twoFactorEnabledAt: new Date(0) }), policy(), cutoff + day), { kind: "enrolled" });
});

test("counted snoozes: N times 'Remind me later', D days each, never past the last day", () => {
  const p = policy({ snoozeLimit: 3, snoozeDays: 2, graceDays: 5 });
  const lastDay = new Date(cutoff + 5 * day);
  assert.deepEqual(rolloutState(user(), p, cutoff + hour), { kind: "snoozable", snoozesLeft: 3, lastDay });
  assert.equal(snoozeUntil(user(), p, cutoff + hour).getTime(), cutoff + hour + 2 * day);
  const once = user({ snoozesUsed: 1, enrollmentDeferredUntil: new Date(cutoff + hour + 2 * day) });
  assert.deepEqual(rolloutState(once, p, cutoff + day), { kind: "snoozed", until: new Date(cutoff + hour + 2 * day), snoozesLeft: 2, lastDay });
  assert.equal(mustEnroll(rolloutState(once, p, cutoff + day)), false);
  assert.deepEqual(rolloutState(once, p, cutoff + 3 * day), { kind: "snoozable", snoozesLeft: 2, lastDay }, "a snooze lapses");
  // The third snooze, a day before the last day, lasts one day, not two.
  assert.equal(snoozeUntil(user(), p, cutoff + 4 * day).getTime(), lastDay.getTime());
  const spent = user({ snoozesUsed: 3, enrollmentDeferredUntil: new Date(cutoff + 2 * day) });
  assert.deepEqual(rolloutState(spent, p, cutoff + 3 * day), { kind: "required" }, "snoozes used up");
  assert.deepEqual(rolloutState(user(), p, lastDay.getTime()), { kind: "required" }, "the last day is the wall, snoozes left or not");
  assert.deepEqual(rolloutState(user({ snoozesUsed: 1, enrollmentDeferredUntil: new Date(lastDay.getTime() + day) }), p, lastDay.getTime()), { kind: "required" });
  assert.deepEqual(rolloutState(user(), policy({ snoozeLimit: 0 }), cutoff + hour), { kind: "required" }, "0 = never");
});

test("new accounts created after the date get their own window from creation", () => {
  const createdAt = new Date(cutoff + 20 * day);
  const fresh = user({ createdAt });
  assert.deepEqual(rolloutState(fresh, policy(), createdAt.getTime() + hour), { kind: "optional", deadline: new Date(createdAt.getTime() + 7 * day) });
  assert.equal(mustEnroll(rolloutState(fresh, policy(), createdAt.getTime() + 7 * day)), true);
  // Past the rollout's last day, the window's end is the wall: no snoozes after it.
  assert.deepEqual(rolloutState(fresh, policy(), createdAt.getTime() + 7 * day), { kind: "required" });
  assert.deepEqual(rolloutState(fresh, policy({ newAccountDays: 0 }), createdAt.getTime()), { kind: "required" });
  assert.equal(deadlineOf(user({ createdAt: new Date(cutoff - 1) }), policy()).getTime(), cutoff, "accounts from before the date have the date");
});

test("a personal deadline from support moves the wall for that account only", () => {
  const personalDeadline = new Date(cutoff + 30 * day);
  const extended = user({ personalDeadline });
  assert.deepEqual(rolloutState(extended, policy(), cutoff + 10 * day), { kind: "optional", deadline: personalDeadline });
  assert.deepEqual(rolloutState(extended, policy(), personalDeadline.getTime()), { kind: "required" });
  assert.deepEqual(rolloutState(user({ personalDeadline: new Date(cutoff - day) }), policy({ snoozeLimit: 0 }), cutoff), { kind: "required" }, "an earlier one changes nothing");
});

test("admins always need 2FA and cannot be exempt; an exempt account is never asked", () => {
  assert.deepEqual(rolloutState(user({ role: "admin" }), policy(), cutoff - 100 * day), { kind: "required" });
  assert.deepEqual(rolloutState(user({ role: "admin", exemptAt: new Date(0) }), policy(), cutoff - day), { kind: "required" });
  assert.deepEqual(rolloutState(user({ exemptAt: new Date(0) }), policy(), cutoff + 400 * day), { kind: "exempt" });
  assert.equal(mustEnroll({ kind: "exempt" }), false);
});

test("turning 2FA off is offered only before the date, and never to admins", () => {
  assert.equal(mayDisable(user(), policy(), cutoff - 1), true);
  assert.equal(mayDisable(user(), policy(), cutoff), false);
  assert.equal(mayDisable(user({ role: "admin" }), policy(), cutoff - day), false);
});
