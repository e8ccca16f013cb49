// What a server does when it starts (instrumentation.ts register), before it serves.
import "@/test/support/server-start-env";
import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { register } from "@/instrumentation";

test("a server that starts with trusted browsers off forgets the browsers trusted before", async () => {
  const owner = await createUser({ email: "start@example.test", password: "a long password" });
  await db.trustedBrowser.create({ data: { userId: owner.id, tokenHash: "start", expiresAt: new Date(Date.now() + 86_400_000) } });
  await register();
  assert.equal(await db.trustedBrowser.count({ where: { userId: owner.id } }), 0);
});
