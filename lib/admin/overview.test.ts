import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { record } from "@/lib/audit";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { chartStart, countByUtcDay, rolloutOverview } from "./overview";

test("enrollments are counted per UTC day, the 30 days ending today, empty days included", () => {
  const now = new Date("2026-03-31T00:30:00+02:00"); // still March 30th in UTC
  const start = chartStart(now);
  assert.equal(start.toISOString(), "2026-03-01T00:00:00.000Z");
  const days = countByUtcDay([new Date("2026-03-01T00:00:00Z"), new Date("2026-03-30T23:59:59Z"), new Date("2026-03-30T00:00:00Z"), new Date("2026-03-10T23:30:00-01:00")], start);
  assert.equal(days.length, 30);
  assert.deepEqual(days[0], { day: "2026-03-01", count: 1 });
  assert.deepEqual(days[10], { day: "2026-03-11", count: 1 });
  assert.deepEqual(days[29], { day: "2026-03-30", count: 2 });
  assert.equal(days.reduce((n, d) => n + d.count, 0), 4);
});

test("the overview counts accounts, 2FA, locks, open requests and recent enrollments", async () => {
  const now = new Date();
  const users = [];
  for (let i = 0; i < 4; i++) users.push(await createUser({ email: `overview-${i}@example.test`, password: "a long password" }));
  await db.user.updateMany({ where: { id: { in: [users[0]!.id, users[1]!.id, users[2]!.id] } }, data: { twoFactorEnabledAt: now } });
  await db.user.update({ where: { id: users[2]!.id }, data: { secondFactorLockedAt: now } });
  for (const u of users.slice(0, 3)) await record({ event: "two_factor.enabled", userId: u.id });
  await db.auditEvent.create({ data: { event: "two_factor.enabled", userId: users[0]!.id, createdAt: new Date(now.getTime() - 40 * 86_400_000) } });
  await db.resetRequest.createMany({
    data: [
      { email: "a@example.test", fullName: "A", organisation: "O", explanation: "lost", phone: "123456" },
      { email: "b@example.test", fullName: "B", organisation: "O", explanation: "lost", phone: "123456", status: "resolved" },
    ],
  });
  const overview = await rolloutOverview(now);
  assert.equal(overview.accounts, 4);
  assert.equal(overview.withTwoFactor, 3);
  assert.equal(overview.withoutTwoFactor, 1);
  assert.equal(overview.share, 0.75);
  assert.equal(overview.locked, 1);
  assert.equal(overview.openRequests, 1);
  assert.equal(overview.enrollmentsPerDay.length, 30);
  assert.deepEqual(overview.enrollmentsPerDay.at(-1), { day: now.toISOString().slice(0, 10), count: 3 });
});
