import "@/test/support/db";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";

function users(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], { input, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("operators create, list and re-password accounts from the command line", async () => {
  assert.equal(users(["create", "Ops@Example.test", "--password", "first password", "--admin", "--name", "Olga Ops", "--locale", "nl"]).code, 0);
  const listed = users(["list"]);
  assert.equal(listed.code, 0);
  assert.match(listed.out, /ops@example\.test\tadmin\tnl\tOlga Ops/);

  const changed = users(["set-password", "ops@example.test"], "second password\n");
  assert.equal(changed.code, 0, changed.err);
  const user = await db.user.findUniqueOrThrow({ where: { email: "ops@example.test" } });
  assert.equal(await verifyPassword("second password", user.passwordHash), true);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "ops@example.test" } });
  assert.match(mail.subject, /wachtwoord/, "the user is told, in their language");
});

test("the command line refuses bad input with a message and a non-zero status", () => {
  const cases: [string[], RegExp][] = [
    [["create", "not-an-email", "--password", "long enough pw"], /valid email/],
    [["create", "x..y@example.com", "--password", "long enough pw"], /valid email/],
    [["create", "user@localhost", "--password", "long enough pw"], /valid email/],
    [["create", "x@example.test", "--password", "short"], /at least 10/],
    [["create", "x@example.test", "--password", "é".repeat(40)], /72 bytes/],
    [["create", "x@example.test", "--password", "long enough pw", "--locale", "de"], /en, fr or nl/],
    [["set-password", "nobody@example.test", "--password", "long enough pw"], /no account/],
    [["frobnicate"], /unknown command/],
    [["create", "--bogus"], /users:/],
  ];
  for (const [args, message] of cases) {
    const r = users(args);
    assert.notEqual(r.code, 0, args.join(" "));
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /, "no stack trace");
  }
  // Read before the database is opened: a mistyped option or a bare option is no database error.
  const unreachable = { DATABASE_URL: "postgres://nobody:none@127.0.0.1:9/none" };
  const typo = users(["create", "--bogus"], undefined, unreachable);
  assert.equal(typo.code, 2, typo.err);
  assert.match(typo.err, /Unknown option '--bogus'/);
  const bare = users(["--admin"], undefined, unreachable);
  assert.equal(bare.code, 0, bare.err);
  assert.match(bare.out, /^Usage:/);
  assert.equal(users(["create", "dup@example.test", "--password", "long enough pw"]).code, 0);
  assert.match(users(["create", "DUP@example.test", "--password", "long enough pw"]).err, /already has an account/);
});

test("operators reset a user's 2FA (with a reason), unlock a locked account, and send reminders", async () => {
  const { codeAt } = await import("@/test/support/two-factor");
  const { completeEnrollment, pendingEnrollment } = await import("@/lib/two-factor/manage");
  assert.equal(users(["create", "lost@example.test", "--password", "long enough pw"]).code, 0);
  const user = await db.user.findUniqueOrThrow({ where: { email: "lost@example.test" } });
  const { secret } = await pendingEnrollment(user);
  assert.ok((await completeEnrollment(user, codeAt(secret, Date.now()), { client: {} })).ok);

  const noReason = users(["reset-2fa", "lost@example.test"]);
  assert.equal(noReason.code, 2);
  assert.match(noReason.err, /--reason/);
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt, "nothing changed without a reason");

  assert.equal(users(["reset-2fa", "lost@example.test", "--reason", "ID checked at the desk"]).code, 0);
  const reset = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(reset.twoFactorEnabledAt, null);
  assert.equal(reset.totpSecret, null);
  assert.equal(await db.recoveryCode.count({ where: { userId: user.id } }), 0);
  const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, event: "two_factor.reset" } });
  assert.match(event.details ?? "", /ID checked at the desk/);

  await db.user.update({ where: { id: user.id }, data: { secondFactorLockedAt: new Date(), secondFactorFailures: 100 } });
  assert.equal(users(["unlock", "lost@example.test"]).code, 0);
  const unlocked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(unlocked.secondFactorLockedAt, null);
  assert.equal(unlocked.secondFactorFailures, 0);

  const remind = users(["remind"]);
  assert.equal(remind.code, 0, remind.err);
  assert.match(remind.out, /reminders queued: \d+/);
});

test("with Resend down, the command line makes the change, queues the mail and reports success", async () => {
  // Nothing listens on port 9: every call to "Resend" fails.
  const down = { RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: "http://127.0.0.1:9" };
  assert.equal(users(["create", "down@example.test", "--password", "first password"]).code, 0);
  for (const args of [["set-password", "down@example.test", "--password", "second password"], ["sign-out", "down@example.test"]]) {
    const r = users(args, undefined, down);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /a mail to the user is queued/);
  }
  const user = await db.user.findUniqueOrThrow({ where: { email: "down@example.test" } });
  assert.equal(await verifyPassword("second password", user.passwordHash), true);
  const queued = await db.outboxMessage.findMany({ where: { to: "down@example.test" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(queued.map((m) => [m.kind, m.status]), [["passwordChanged", "queued"], ["signedOutEverywhere", "queued"]]);
});

test("operators show and set a personal deadline, and exempt an account, each with a reason", async () => {
  // The next 1 March: within a year, and in winter time in Brussels (CET).
  const now = new Date();
  const year = now.getUTCMonth() >= 1 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const march = `${year}-03-01`;
  assert.equal(users(["create", "late@example.test", "--password", "long enough pw", "--locale", "fr"]).code, 0);
  assert.match(users(["extend", "late@example.test"]).out, /late@example\.test: two-factor authentication required from/);
  assert.match(users(["extend", "late@example.test", "--until", "2099-02-30", "--reason", "x"]).err, /YYYY-MM-DD/);
  assert.match(users(["extend", "late@example.test", "--until", "2099-03-01"]).err, /--reason/);
  assert.match(users(["extend", "late@example.test", "--until", "2001-03-01", "--reason", "leave"]).err, /after today/);
  assert.match(users(["extend", "late@example.test", "--until", `${year + 2}-03-01`, "--reason", "forever"]).err, /within a year/);
  const set = users(["extend", "late@example.test", "--until", march, "--reason", "On parental leave"]);
  assert.equal(set.code, 0, set.err);
  assert.match(set.out, new RegExp(`required from 1 March ${year} at 00:00 CET`));
  assert.match(users(["extend", "late@example.test"]).out, /personal deadline; reason: On parental leave/);
  const user = await db.user.findUniqueOrThrow({ where: { email: "late@example.test" } });
  assert.equal(user.personalDeadline?.toISOString(), new Date(Date.UTC(year, 2, 1) - 3_600_000).toISOString(), "00:00 in Brussels");
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "late@example.test", kind: "deadlineExtended" } });
  assert.match(mail.text, new RegExp(`1 mars ${year} à 00:00 (UTC\\+1|CET)`));
  assert.match(mail.text, /On parental leave/);
  const extended = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, event: "deadline.extended" } });
  assert.match(extended.details ?? "", /On parental leave/);

  assert.match(users(["exempt", "late@example.test"]).err, /--reason/);
  assert.equal(users(["exempt", "late@example.test", "--reason", "Printer service account"]).code, 0);
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: user.id } })).exemptAt);
  assert.equal(users(["exempt", "late@example.test", "--end"]).code, 0);
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).exemptAt, null);
  assert.deepEqual((await db.auditEvent.findMany({ where: { userId: user.id, event: { startsWith: "exemption." } }, orderBy: { createdAt: "asc" } })).map((e) => e.event), ["exemption.granted", "exemption.removed"]);

  assert.equal(users(["create", "boss@example.test", "--password", "long enough pw", "--admin"]).code, 0);
  assert.match(users(["exempt", "boss@example.test", "--reason", "no"]).err, /administrators always need/);
  assert.match(users(["extend", "boss@example.test", "--until", march, "--reason", "no"]).err, /administrators always need/);
});

test("issue-access-code prints a code once, checks its input, and the code opens a sign-in", async () => {
  const { redeemAccessCode } = await import("@/lib/two-factor/temporary-access");
  assert.equal(users(["create", "phone@example.test", "--password", "a long password"]).code, 0);
  const user = await db.user.update({ where: { email: "phone@example.test" }, data: { twoFactorEnabledAt: new Date(), totpSecret: "x" } });
  for (const [args, message] of [
    [["issue-access-code", "phone@example.test", "--verified", "callback"], /--reason/],
    [["issue-access-code", "phone@example.test", "--reason", "lost phone"], /--verified/],
    [["issue-access-code", "phone@example.test", "--reason", "lost phone", "--verified", "callback,guess"], /--verified/],
    [["issue-access-code", "phone@example.test", "--reason", "lost phone", "--verified", "callback", "--hours", "9"], /from 1 to 8/],
  ] as [string[], RegExp][]) {
    const r = users(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, message);
  }
  const issued = users(["issue-access-code", "phone@example.test", "--hours", "2", "--reason", "lost phone", "--verified", "callback,document"]);
  assert.equal(issued.code, 0, issued.err);
  const code = issued.out.match(/^([2-9A-Z]{4}-){3}[2-9A-Z]{4}$/m)?.[0];
  assert.ok(code, issued.out);
  assert.ok((await redeemAccessCode(user.id, code)).ok);
});
