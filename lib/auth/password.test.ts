import assert from "node:assert/strict";
import { test } from "node:test";
import bcrypt from "bcryptjs";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

process.env.BCRYPT_COST ??= "4";

test("a password is stored as a bcrypt hash that only the same password matches", async () => {
  const hash = await hashPassword("correct horse battery");
  assert.match(hash, /^\$2[aby]\$\d\d\$/);
  assert.equal(await verifyPassword("correct horse battery", hash), true);
  assert.equal(await verifyPassword("correct horse batterY", hash), false);
});

test("passwords over bcrypt's 72 bytes are refused, and never match on their first 72 bytes", async () => {
  const long = "é".repeat(37); // 74 bytes in UTF-8, 37 characters
  assert.equal(passwordProblem(long), "password.tooLong");
  await assert.rejects(hashPassword(long), /password.tooLong/);
  const prefix = "a".repeat(72);
  const hash = await bcrypt.hash(prefix, 4);
  assert.equal(await verifyPassword(prefix, hash), true);
  assert.equal(await verifyPassword(prefix + "anything", hash), false);
  assert.equal(await verifyPassword("x".repeat(1_000_000), hash), false);
});

test("short passwords are refused", () => {
  assert.equal(passwordProblem("short"), "password.tooShort");
  assert.equal(passwordProblem("long enough"), null);
});

test("an unknown account costs a compare too and never matches", async () => {
  assert.equal(await verifyPassword("whatever password", null), false);
});
