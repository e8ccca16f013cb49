process.env.LOG_LEVEL ??= "fatal";
import { anotherClient, onPostgres } from "@/test/support/db";
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { startFakeResend } from "@/test/support/fake-resend";

const resend = await startFakeResend();
process.env.RESEND_BASE_URL = resend.url;
after(() => resend.close());

const { db } = await import("@/lib/db");
const { backoffMs, deliverBatch, deliverDue } = await import("./deliverer");
const { enqueueMail, sendMail } = await import("./send");
const { renderMail } = await import("./templates");
const { resendTransport } = await import("./transport");

const SECOND = 1000;
const alice = { email: "alice@example.test", name: "Alice", locale: "en" };
// Short timeouts so hangs cost little; the schedule's shape is what is tested.
const transport = resendTransport("re_test_key", "Tests <t@example.test>", 2000);
const options = { transport, retryBaseMs: 10 * SECOND, retryMaxMs: 3600 * SECOND, giveUpAfterMs: 24 * 3600 * SECOND };
const row = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });

beforeEach(async () => {
  resend.setMode("ok");
  resend.mails.length = 0;
  resend.requests.length = 0;
  await db.outboxMessage.deleteMany();
});

test("a mail queued in a transaction that rolls back is never sent", async () => {
  await assert.rejects(
    db.$transaction(async (tx) => {
      await enqueueMail(tx, renderMail("passwordChanged", alice));
      throw new Error("the change failed");
    }),
    /the change failed/,
  );
  assert.equal(await db.outboxMessage.count(), 0);
  assert.equal((await deliverDue(options)).claimed, 0);
  assert.equal(resend.mails.length, 0);
});

test("backoff: 10 s doubling to 1 h, with up to half of each delay random", () => {
  const top = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffMs(n, 10 * SECOND, 3600 * SECOND, () => 1) / SECOND);
  assert.deepEqual(top, [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600]);
  assert.equal(backoffMs(3, 10 * SECOND, 3600 * SECOND, () => 0), 20 * SECOND);
  const spread = new Set(Array.from({ length: 20 }, () => backoffMs(4, 10 * SECOND, 3600 * SECOND)));
  assert.ok(spread.size > 10, "jitter spreads retries");
  for (const d of spread) assert.ok(d >= 40 * SECOND && d <= 80 * SECOND);
});

test("Resend answering 500, then 429 with Retry-After, then hanging, then back: the mail is sent once, and its codes only ever in the encrypted copy", async () => {
  const codes = ["abcde-fghjk", "mnpqr-stuvw"];
  const { id } = await sendMail(renderMail("recoveryCodesRegenerated", alice, {}, codes));
  const stored = await row(id);
  assert.equal(stored.status, "queued");
  for (const c of codes) assert.ok(![stored.text, stored.html, stored.sealed ?? ""].some((s) => s.includes(c)), "no code in clear in the database");
  assert.ok(stored.sealed);

  let now = Date.now();
  const at = { ...options, now: () => now };
  resend.setMode("500");
  assert.deepEqual(await deliverBatch(at), { claimed: 1, sent: 0, retrying: 1, failed: 0 });
  let r = await row(id);
  assert.equal(r.attempts, 1);
  assert.match(r.lastError ?? "", /500/);
  const wait1 = r.nextAttemptAt.getTime() - now;
  assert.ok(wait1 >= 5 * SECOND && wait1 <= 10 * SECOND, `first retry after 5–10 s, not ${wait1}`);
  assert.equal((await deliverBatch(at)).claimed, 0, "not due before its time");

  now = r.nextAttemptAt.getTime();
  resend.setMode("429", 120);
  assert.equal((await deliverBatch(at)).retrying, 1);
  r = await row(id);
  assert.equal(r.nextAttemptAt.getTime() - now, 120 * SECOND, "Retry-After is honoured when longer than the backoff");

  now = r.nextAttemptAt.getTime();
  resend.setMode("hang");
  const started = Date.now();
  assert.equal((await deliverBatch(at)).retrying, 1);
  assert.ok(Date.now() - started < 5 * SECOND, "a hanging Resend costs the send timeout, no more");
  r = await row(id);
  assert.match(r.lastError ?? "", /no answer/);

  now = r.nextAttemptAt.getTime();
  resend.setMode("ok");
  assert.equal((await deliverBatch(at)).sent, 1);
  r = await row(id);
  assert.equal(r.status, "sent");
  assert.equal(r.attempts, 4);
  assert.equal(r.sealed, null, "the encrypted copy is gone once delivered");
  assert.ok(!r.text.includes(codes[0]!));
  assert.equal(resend.mails.length, 1);
  assert.ok(resend.mails[0]!.text.includes(codes[0]!), "the user gets the codes");
  assert.equal(new Set(resend.requests.map((q) => q.idempotencyKey)).size, 1, "every attempt carried the same Idempotency-Key");
});

test("an answer lost on the way back: the retry carries the same key, and Resend sends nothing twice", async () => {
  const { id } = await sendMail(renderMail("passwordChanged", alice));
  let now = Date.now();
  resend.setMode("lost");
  assert.equal((await deliverBatch({ ...options, now: () => now })).retrying, 1);
  resend.setMode("ok");
  now = (await row(id)).nextAttemptAt.getTime();
  assert.equal((await deliverBatch({ ...options, now: () => now })).sent, 1);
  assert.equal(resend.requests.length, 2);
  assert.equal(resend.mails.length, 1);
});

test("a message that keeps failing ends as failed after 24 hours, redacted; one Resend refuses outright fails at once", async () => {
  const { id } = await sendMail(renderMail("twoFactorEnabled", alice, {}, ["abcde-fghjk"]));
  resend.setMode("500");
  const created = (await row(id)).createdAt.getTime();
  let now = created;
  for (let i = 0; i < 100 && (await row(id)).status !== "failed"; i++) {
    await deliverBatch({ ...options, now: () => now });
    now = Math.max(now, (await row(id)).nextAttemptAt.getTime());
  }
  const r = await row(id);
  assert.equal(r.status, "failed");
  assert.equal(r.sealed, null);
  assert.ok(now - created >= 24 * 3600 * SECOND && now - created < 26 * 3600 * SECOND, "about a day of retries");
  assert.ok(r.attempts > 10 && r.attempts < 60, `${r.attempts} attempts`);
  assert.equal((await deliverDue({ ...options, now: () => now + 7 * 86_400 * SECOND })).claimed, 0, "never retried again by itself");

  const bad = await sendMail({ ...renderMail("passwordChanged", alice), subject: "" });
  resend.setMode("ok");
  await deliverDue(options);
  assert.equal((await row(bad.id)).status, "failed");
  assert.match((await row(bad.id)).lastError ?? "", /422/);
});

test("a message held by a deliverer that died is delivered by another once the lease expires; the dead one's late answer changes nothing", async () => {
  const { id } = await sendMail(renderMail("passwordChanged", alice));
  let finishDead!: (a: { ok: false; error: string; permanent: false }) => void;
  const dead = deliverBatch({ ...options, leaseMs: 60 * SECOND, transport: () => new Promise((resolve) => (finishDead = resolve)) });
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await row(id)).status, "sending");
  assert.equal((await deliverBatch(options)).claimed, 0, "not while the lease holds");
  assert.equal((await deliverBatch({ ...options, now: () => Date.now() + 61 * SECOND })).sent, 1);
  finishDead({ ok: false, error: "late", permanent: false });
  await dead;
  const r = await row(id);
  assert.equal(r.status, "sent");
  assert.equal(r.lastError, null);
  assert.equal(resend.mails.length, 1);
});

test("two instances on one database deliver 1,000 queued messages, each exactly once", { timeout: 120_000 }, async () => {
  await db.outboxMessage.createMany({ data: Array.from({ length: 1000 }, (_, i) => ({ to: `u${i}@example.test`, subject: `m${i}`, text: "t", html: "h", kind: "test" })) });
  const other = await anotherClient();
  const deliveries = new Map<string, number>();
  // Counts every send itself: Resend's idempotency would hide a duplicate from the mailbox.
  const counting = async (m: { id: string }) => {
    deliveries.set(m.id, (deliveries.get(m.id) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 1));
    return { ok: true as const, providerId: m.id };
  };
  const [a, b] = await Promise.all([deliverDue({ ...options, transport: counting }), deliverDue({ ...options, db: other, transport: counting })]);
  await other.$disconnect();
  assert.equal(a.sent + b.sent, 1000);
  assert.ok(a.sent > 0 && b.sent > 0, `both instances worked (${a.sent} + ${b.sent}${onPostgres ? ", SKIP LOCKED" : ""})`);
  assert.equal(deliveries.size, 1000);
  assert.ok([...deliveries.values()].every((n) => n === 1), "no message sent twice");
  assert.equal(await db.outboxMessage.count({ where: { status: "sent" } }), 1000);
});

test("reminders run during a Resend outage: each user is marked reminded with the reminder queued, and each gets it once when Resend is back", async () => {
  const { savePolicySettings } = await import("@/lib/settings");
  const { sendDueReminders } = await import("@/lib/reminders");
  const { createUser } = await import("@/lib/users");
  await savePolicySettings({ requiredFrom: "2032-03-15", graceDays: 0 }, "test");
  const users = await Promise.all([1, 2, 3].map((i) => createUser({ email: `late${i}@example.test`, password: "a long password" })));
  const runAt = new Date(Date.UTC(2032, 2, 1));
  resend.setMode("500");
  const run = await sendDueReminders(runAt);
  assert.equal(run.sent, 3);
  assert.equal(run.failed, 0);
  let now = Date.now();
  assert.equal((await deliverDue({ ...options, now: () => now })).retrying, 3);
  assert.equal((await sendDueReminders(runAt)).sent, 0, "a second run queues nothing twice");
  resend.setMode("ok");
  now += 60 * SECOND;
  assert.equal((await deliverDue({ ...options, now: () => now })).sent, 3);
  for (const u of users) assert.equal(resend.mails.filter((m) => m.to[0] === u.email).length, 1);
});

test("an admin's retry puts a failed mail back in the queue with a new day of retries; one that carried recovery codes is refused", async () => {
  const { requeueFailed } = await import("./outbox");
  resend.setMode("ok");
  const plain = await sendMail({ ...renderMail("passwordChanged", alice), subject: "" });
  const codes = await sendMail({ ...renderMail("twoFactorEnabled", alice, {}, ["abcde-fghjk"]), subject: "" });
  await deliverDue(options);
  assert.equal((await row(plain.id)).status, "failed");
  assert.equal((await row(codes.id)).status, "failed");
  assert.equal(await requeueFailed(db, codes.id), null, "codes are never sent again");
  assert.equal((await row(codes.id)).status, "failed");
  assert.ok(await requeueFailed(db, plain.id));
  const r = await row(plain.id);
  assert.equal(r.status, "queued");
  assert.ok(r.retriedAt);
  assert.equal(await requeueFailed(db, plain.id), null, "only a failed mail is sent again");
});
