import "@/test/support/db";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { codeAt } from "@/test/support/two-factor";
import { db } from "@/lib/db";
import { issueTicket, redeemTicket, sessionUser } from "@/lib/auth/sessions";
import { resetTwoFactor } from "@/lib/support";
import { createUser } from "@/lib/users";
import { completeEnrollment, disableTwoFactor, pendingEnrollment, regenerateRecoveryCodes } from "./manage";

const client = { ip: "198.51.100.7", userAgent: "test" };

// What the old credential opened elsewhere: a session, a sign-in waiting for its second step, a ticket.
async function openedElsewhere(userId: string) {
  const session = (await redeemTicket(await issueTicket(userId), client))!.sessionId;
  await db.pendingSignIn.create({ data: { tokenHash: randomUUID(), userId, expiresAt: new Date(Date.now() + 600_000) } });
  return { session, ticket: await issueTicket(userId) };
}

async function assertAllEnded(userId: string, opened: { session: string; ticket: string }, change: string) {
  assert.equal(await sessionUser(opened.session), null, `${change}: session`);
  assert.equal(await db.pendingSignIn.count({ where: { userId } }), 0, `${change}: pending sign-in`);
  assert.equal(await redeemTicket(opened.ticket, client), null, `${change}: ticket`);
}

test("every 2FA change ends the other sessions and the sign-ins under way; the session that made it stays", async () => {
  const user = await createUser({ email: "changes@example.test", password: "a long password" });
  const here = (await redeemTicket(await issueTicket(user.id), client))!.sessionId;
  const fresh = () => db.user.findUniqueOrThrow({ where: { id: user.id } });

  let opened = await openedElsewhere(user.id);
  const first = await pendingEnrollment(await fresh());
  assert.ok((await completeEnrollment(user, codeAt(first.secret, Date.now()), { client, sessionId: here })).ok);
  await assertAllEnded(user.id, opened, "enrollment");

  opened = await openedElsewhere(user.id);
  const second = await pendingEnrollment(await fresh());
  assert.ok((await completeEnrollment(user, codeAt(second.secret, Date.now() + 30_000), { client, sessionId: here })).ok);
  await assertAllEnded(user.id, opened, "new authenticator app");

  opened = await openedElsewhere(user.id);
  await regenerateRecoveryCodes(user, { client, sessionId: here });
  await assertAllEnded(user.id, opened, "new recovery codes");

  opened = await openedElsewhere(user.id);
  await disableTwoFactor(user, { client, sessionId: here });
  await assertAllEnded(user.id, opened, "turned off");
  assert.ok(await sessionUser(here));

  opened = await openedElsewhere(user.id);
  await resetTwoFactor(user, "lost phone", { client: { userAgent: "command line" } });
  await assertAllEnded(user.id, opened, "support's reset");
});
