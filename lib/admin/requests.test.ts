import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { closeResetRequest, listResetRequests, requester } from "./requests";

const fields = { organisation: "Acme", explanation: "Lost my phone", phone: "+32 2 123 45 67" };

test("open requests come first, newest first, then the answered ones with who answered", async () => {
  const admin = await createUser({ email: "support@example.test", password: "a long password", role: "admin" });
  const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
  await db.resetRequest.createMany({
    data: [
      { ...fields, id: "old-open", email: "a@example.test", fullName: "A", createdAt: t(1) },
      { ...fields, id: "new-closed", email: "b@example.test", fullName: "B", createdAt: t(3), status: "rejected", resolvedById: admin.id, resolvedAt: t(4) },
      { ...fields, id: "new-open", email: "c@example.test", fullName: "C", createdAt: t(2) },
    ],
  });
  const { open, closed } = await listResetRequests();
  assert.deepEqual(open.map((r) => r.id), ["new-open", "old-open"]);
  assert.deepEqual(closed.map((r) => [r.id, r.resolvedByEmail]), [["new-closed", "support@example.test"]]);
});

test("of two admins answering one request at once, one wins", async () => {
  const admin = await createUser({ email: "race-admin@example.test", password: "a long password", role: "admin" });
  const request = await db.resetRequest.create({ data: { ...fields, email: "race@example.test", fullName: "Race" } });
  const answers = await Promise.all([
    closeResetRequest(request.id, "resolved", "Reset done", admin.id),
    closeResetRequest(request.id, "rejected", "Could not verify", admin.id),
  ]);
  assert.equal(answers.filter(Boolean).length, 1);
  const stored = await db.resetRequest.findUniqueOrThrow({ where: { id: request.id } });
  assert.equal(stored.resolvedById, admin.id);
  assert.ok(stored.resolvedAt);
  assert.equal(stored.response, stored.status === "resolved" ? "Reset done" : "Could not verify");
  assert.equal(await closeResetRequest("no-such-request", "resolved", "x", admin.id), null);
});

test("the answer goes out in the account's language and name, else in English to the name given", async () => {
  const user = await createUser({ email: "marie@example.test", password: "a long password", name: "Marie", locale: "fr" });
  assert.deepEqual(await requester({ email: user.email, fullName: "Marie D.", userId: user.id }), { email: user.email, name: "Marie", locale: "fr" });
  assert.deepEqual(await requester({ email: "x@example.test", fullName: "Someone", userId: null }), { email: "x@example.test", name: "Someone", locale: "en" });
});
