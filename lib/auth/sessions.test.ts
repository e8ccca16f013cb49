import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { changePassword, createUser, findUserByEmail } from "@/lib/users";
import { endSessionByHandle, issueTicket, listSessions, markIdentityConfirmed, redeemTicket, revokeSessions, sessionHandle, sessionUser, touchEveryMs } from "./sessions";

const client = { ip: "203.0.113.9", userAgent: "test" };

test("a sign-in ticket opens one session, once", async () => {
  const user = await createUser({ email: "ticket@example.test", password: "a long password" });
  const ticket = await issueTicket(user.id);
  const first = await redeemTicket(ticket, client);
  assert.ok(first);
  assert.equal((await sessionUser(first.sessionId))?.id, user.id);
  assert.equal(await redeemTicket(ticket, client), null);
  assert.equal(await redeemTicket("not-a-ticket", client), null);
  assert.equal(await redeemTicket({ ticket }, client), null);
});

test("twenty concurrent redemptions of one ticket open exactly one session", async () => {
  const user = await createUser({ email: "race@example.test", password: "a long password" });
  const ticket = await issueTicket(user.id);
  const results = await Promise.all(Array.from({ length: 20 }, () => redeemTicket(ticket, client)));
  assert.equal(results.filter(Boolean).length, 1);
  assert.equal(await db.session.count({ where: { userId: user.id } }), 1);
});

test("an expired ticket is refused", async () => {
  const user = await createUser({ email: "late@example.test", password: "a long password" });
  const ticket = await issueTicket(user.id);
  await db.signInTicket.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.equal(await redeemTicket(ticket, client), null);
});

test("revoking sessions signs the user out everywhere, or everywhere but here", async () => {
  const user = await createUser({ email: "many@example.test", password: "a long password" });
  const sessions = [];
  for (let i = 0; i < 3; i++) sessions.push((await redeemTicket(await issueTicket(user.id), client))!.sessionId);
  assert.equal(await revokeSessions(user.id, sessions[0]), 2);
  assert.ok(await sessionUser(sessions[0]));
  assert.equal(await sessionUser(sessions[1]), null);
  assert.equal(await revokeSessions(user.id), 1);
  assert.equal(await sessionUser(sessions[0]), null);
});

test("one rule for an address: odd but deliverable ones are created and found; a punycode-stored domain still signs in (issue 7, point 9)", async () => {
  for (const email of ["first#1@example.com", "a&b@example.com", "jörg@example.com"]) {
    await createUser({ email, password: "a long password" });
    assert.equal((await findUserByEmail(email.toUpperCase()))?.email, email);
  }
  const created = await createUser({ email: "user@xn--exmple-cua.com", password: "a long password" });
  assert.equal(created.email, "user@exämple.com", "stored with the domain in Unicode");
  assert.equal((await findUserByEmail("user@xn--exmple-cua.com"))?.id, created.id, "as the browser sends it");
  const legacy = await db.user.create({ data: { email: "old@xn--bcher-kva.example", name: "Old", passwordHash: "x" } });
  assert.equal((await findUserByEmail("old@bücher.example"))?.id, legacy.id);
  assert.equal((await findUserByEmail("old@xn--bcher-kva.example"))?.id, legacy.id);
  await assert.rejects(createUser({ email: "x..y@example.com", password: "a long password" }));
  await assert.rejects(createUser({ email: "user@localhost", password: "a long password" }));
  assert.equal(await findUserByEmail("x..y@example.com"), null);
});

test("emails are unique whatever their case", async () => {
  await createUser({ email: "Mixed.Case@Example.test", password: "a long password" });
  assert.equal((await findUserByEmail("mixed.case@example.TEST"))?.email, "mixed.case@example.test");
  await assert.rejects(createUser({ email: "MIXED.case@example.test", password: "a long password" }));
});

test("a session idle longer than SESSION_IDLE_MINUTES is over (and deleted); the absolute limit still holds", async () => {
  const user = await createUser({ email: "idle@example.test", password: "a long password" });
  const idle = (await redeemTicket(await issueTicket(user.id), client))!.sessionId;
  const active = (await redeemTicket(await issueTicket(user.id), client))!.sessionId;
  const now = Date.now();
  await db.session.update({ where: { id: idle }, data: { lastSeenAt: new Date(now - 61 * 60_000) } });
  await db.session.update({ where: { id: active }, data: { lastSeenAt: new Date(now - 59 * 60_000) } });
  assert.equal(await sessionUser(idle, now), null);
  assert.equal(await db.session.count({ where: { id: idle } }), 0);
  assert.equal((await sessionUser(active, now))?.id, user.id);
  // Used just now: lastSeenAt moved, so the hour starts again.
  assert.ok((await db.session.findUniqueOrThrow({ where: { id: active } })).lastSeenAt.getTime() >= now);
  await db.session.update({ where: { id: active }, data: { expiresAt: new Date(now - 1) } });
  assert.equal(await sessionUser(active, now), null);
});

test("lastSeenAt is written often enough that the idle limit is never overrun by more than a minute", () => {
  assert.equal(touchEveryMs(60 * 60_000), 60_000);
  assert.equal(touchEveryMs(10 * 60_000), 10_000);
  assert.equal(touchEveryMs(24 * 60 * 60_000), 5 * 60_000);
});

test("listing sessions names them by handle; ending one by handle ends only that one of this user", async () => {
  const user = await createUser({ email: "list@example.test", password: "a long password" });
  const stranger = await createUser({ email: "stranger@example.test", password: "a long password" });
  const [a, b] = [(await redeemTicket(await issueTicket(user.id), client))!.sessionId, (await redeemTicket(await issueTicket(user.id), client))!.sessionId];
  const theirs = (await redeemTicket(await issueTicket(stranger.id), client))!.sessionId;
  const listed = await listSessions(user.id);
  assert.deepEqual(listed.map((s) => s.handle).sort(), [sessionHandle(a), sessionHandle(b)].sort());
  assert.ok(listed.every((s) => !JSON.stringify(s).includes(a) && !JSON.stringify(s).includes(b)), "ids never leave the server");
  assert.equal(await endSessionByHandle(user.id, sessionHandle(theirs)), false);
  assert.ok(await sessionUser(theirs));
  assert.equal(await endSessionByHandle(user.id, sessionHandle(b)), true);
  assert.equal(await sessionUser(b), null);
  assert.ok(await sessionUser(a));
});

test("a new password ends every session and every sign-in under way", async () => {
  const user = await createUser({ email: "newpw@example.test", password: "a long password" });
  const session = (await redeemTicket(await issueTicket(user.id), client))!.sessionId;
  const ticket = await issueTicket(user.id);
  await db.pendingSignIn.create({ data: { tokenHash: `pending-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 600_000) } });
  assert.deepEqual(await changePassword(user, "another long password"), { signedOut: 1 });
  assert.equal(await sessionUser(session), null);
  assert.equal(await db.pendingSignIn.count({ where: { userId: user.id } }), 0);
  assert.equal(await redeemTicket(ticket, client), null);
});

test("a confirmation of identity keeps the second factor that made it, until it is forgotten", async () => {
  const user = await createUser({ email: "confirm-with@example.test", password: "a long password" });
  const { sessionId } = (await redeemTicket(await issueTicket(user.id), client))!;
  await markIdentityConfirmed(sessionId, new Date(), "passkey");
  const confirmed = await sessionUser(sessionId);
  assert.equal(confirmed?.identityConfirmedWith, "passkey");
  assert.ok(confirmed?.identityConfirmedAt);
  // Confirmed again with the password alone (2FA off): no factor is left over from before.
  await markIdentityConfirmed(sessionId, new Date());
  assert.equal((await sessionUser(sessionId))?.identityConfirmedWith, null);
  await markIdentityConfirmed(sessionId, new Date(), "totp");
  await markIdentityConfirmed(sessionId, null, "totp");
  const forgotten = await sessionUser(sessionId);
  assert.equal(forgotten?.identityConfirmedAt, null);
  assert.equal(forgotten?.identityConfirmedWith, null);
});
