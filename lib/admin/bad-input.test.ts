import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { createUser } from "@/lib/users";
import { readAuditQuery, searchAudit } from "./audit";
import { userDetail } from "./user-detail";
import { usersCsv } from "./users-export";
import { readUserQuery, searchUsers } from "./users";

// Issue 7, point 19: on PostgreSQL a NUL byte in a search, an id or the CSV export answered 500.
test("searches, the export and an account's page take a NUL byte or a lone surrogate without failing", async () => {
  const user = await createUser({ email: "nul@example.test", password: "a long password", name: "Nul Byte" });
  for (const q of ["\u0000", "nul\u0000", "\ud800"]) {
    const query = readUserQuery({ q });
    assert.ok(!query.q.includes("\u0000"));
    await searchUsers(query);
    for await (const chunk of usersCsv(query)) assert.equal(typeof chunk, "string");
  }
  assert.equal((await searchUsers(readUserQuery({ q: "nul\u0000" }))).users[0]?.id, user.id, "the NUL is dropped, the search still finds");
  for (const value of ["\u0000", "nul@example.test\u0000"]) {
    await searchAudit(readAuditQuery({ user: value }));
    await searchAudit(readAuditQuery({ admin: value }));
  }
  for (const id of ["\u0000", `${user.id}\u0000`, "\ud800", "%ff"]) assert.equal(await userDetail(id), null);
  assert.equal((await userDetail(user.id))?.user.email, "nul@example.test");
});
