import assert from "node:assert/strict";
import { test } from "node:test";
import { mayDisable, mustEnroll, rolloutState, type Policy, type PolicyUser } from "./policy";

const day = 86_400_000;
const cutoff = Date.UTC(2025, 4, 5);
const policy = (graceDays = 0): Policy => ({ requiredFrom: new Date(cutoff), graceDays });
const user = (over: Partial<PolicyUser> = {}): PolicyUser => ({ role: "user", twoFactorEnabledAt: null, enrollmentDeferredUntil: null, ...over });

test("before the date 2FA is optional, with the days counted down", () => {
  assert.deepEqual(rolloutState(user(), policy(), cutoff - 14 * day), { kind: "optional", daysLeft: 14 });
  assert.deepEqual(rolloutState(user(), policy(), cutoff - 1), { kind: "optional", daysLeft: 1 });
  assert.equal(mustEnroll(rolloutState(user(), policy(), cutoff - 1)), false);
});

test("from the date a user without 2FA must enroll; an enrolled one is left alone", () => {
  assert.deepEqual(rolloutState(user(), policy(), cutoff), { kind: "required" });
  assert.equal(mustEnroll(rolloutState(user(), policy(), cutoff + 400 * day)), true);
  assert.deepEqual(rolloutState(user({ twoFactorEnabledAt: new Date(0) }), policy(), cutoff + day), { kind: "enrolled" });
});

test("admins must enroll whatever the date", () => {
  assert.deepEqual(rolloutState(user({ role: "admin" }), policy(), cutoff - 100 * day), { kind: "required" });
});

test("the grace period offers 'Remind me later' until it ends", () => {
  assert.deepEqual(rolloutState(user(), policy(7), cutoff + day), { kind: "grace", daysLeft: 6 });
  assert.equal(mustEnroll({ kind: "grace", daysLeft: 6 }), true);
  const deferred = user({ enrollmentDeferredUntil: new Date(cutoff + 2 * day) });
  assert.deepEqual(rolloutState(deferred, policy(7), cutoff + day), { kind: "deferred", daysLeft: 6 });
  assert.equal(mustEnroll(rolloutState(deferred, policy(7), cutoff + day)), false);
  assert.deepEqual(rolloutState(deferred, policy(7), cutoff + 3 * day), { kind: "grace", daysLeft: 4 }, "a deferral lapses");
  assert.deepEqual(rolloutState(deferred, policy(7), cutoff + 7 * day), { kind: "required" }, "the grace ends");
});

test("turning 2FA off is offered only before the date, and never to admins", () => {
  assert.equal(mayDisable(user(), policy(), cutoff - day), true);
  assert.equal(mayDisable(user(), policy(), cutoff), false);
  assert.equal(mayDisable(user({ role: "admin" }), policy(), cutoff - day), false);
});
