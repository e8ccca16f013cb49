import "@/test/support/db";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "./db";
import { listForUser, record } from "./audit";

const newUser = () => db.user.create({ data: { email: `${randomUUID()}@example.test`, name: "Test", passwordHash: "not used" } });

test("an event records who, by whom, from where and its details", async () => {
  const [user, admin] = [await newUser(), await newUser()];
  await record({
    event: "two_factor.reset",
    userId: user.id,
    actorId: admin.id,
    client: { ip: "203.0.113.7", userAgent: "Firefox" },
    details: { reason: "lost phone", requestId: 7 },
  });
  const [event] = await listForUser(user.id);
  assert.equal(event?.event, "two_factor.reset");
  assert.equal(event?.actorId, admin.id);
  assert.equal(event?.ip, "203.0.113.7");
  assert.equal(event?.userAgent, "Firefox");
  assert.deepEqual(event?.details, { reason: "lost phone", requestId: 7 });
});

test("oversized client values are cut to the column's limits", async () => {
  const user = await newUser();
  await record({ event: "sign_in", userId: user.id, client: { ip: "1".repeat(200), userAgent: "u".repeat(5000) } });
  const [event] = await listForUser(user.id);
  assert.equal(event?.ip?.length, 64);
  assert.equal(event?.userAgent?.length, 512);
  assert.equal(event?.details, null);
});

test("an account's history lists only its own events, newest first, up to `take`", async () => {
  const [user, other] = [await newUser(), await newUser()];
  const events = ["two_factor.enabled", "recovery_code.used", "two_factor.failed", "two_factor.blocked"] as const;
  for (const event of events) {
    await record({ event, userId: user.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await record({ event: "sign_in", userId: other.id });
  assert.deepEqual((await listForUser(user.id)).map((e) => e.event), [...events].reverse());
  assert.deepEqual((await listForUser(user.id, 2)).map((e) => e.event), ["two_factor.blocked", "two_factor.failed"]);
});
