import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { issueTicket, redeemTicket } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createTestUser } from "@/test/support/two-factor";
import { issuedBefore, keepIssued, newSubmission } from "./issued";

const client = { ip: "198.51.100.7", userAgent: "test" };

// Issue 7, point 12: a second submission of "Create new recovery codes" hid the new codes.
test("what a submission issued is given again to the same submission of the same session, for five minutes", async () => {
  const user = await createTestUser();
  const [mine, other] = [(await redeemTicket(await issueTicket(user.id), client))!.sessionId, (await redeemTicket(await issueTicket(user.id), client))!.sessionId];
  const submission = newSubmission();
  const answer = { codes: ["abcde-fghjk", "mnpqr-stuvw"], signedOut: 1 };
  const now = Date.now();
  assert.equal(await issuedBefore(mine, submission, now), null);
  await keepIssued(mine, submission, answer, now);
  assert.deepEqual(await issuedBefore(mine, submission, now + 200), answer);
  assert.deepEqual(await issuedBefore(mine, submission, now + 4 * 60_000), answer);
  assert.equal(await issuedBefore(mine, newSubmission(), now), null, "another submission acts anew");
  assert.equal(await issuedBefore(other, submission, now), null, "bound to the session");
  for (const junk of ["", null, {}, "\u0000", "x".repeat(65)]) assert.equal(await issuedBefore(mine, junk, now), null);
  assert.equal(await issuedBefore(mine, submission, now + 6 * 60_000), null, "kept a few minutes only");
  const row = await db.session.findUniqueOrThrow({ where: { id: mine } });
  assert.equal(row.issuedResult, null, "then dropped from the database");
});
