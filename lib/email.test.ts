import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeEmail, storedForms } from "./email";

// Issue 7, point 9: the addresses that the CLI accepted and the sign-in form refused, or the reverse.
test("addresses that mail systems deliver to are accepted and stored in one form", () => {
  const accepted: [string, string][] = [
    ["first#1@example.com", "first#1@example.com"],
    ["a&b@example.com", "a&b@example.com"],
    ["jörg@example.com", "jörg@example.com"],
    ["JÖRG@Example.COM", "jörg@example.com"],
    ["user@exämple.com", "user@exämple.com"],
    ["user@xn--exmple-cua.com", "user@exämple.com"],
    ["  Ann.Lee+2fa@Mail.Example.co.uk ", "ann.lee+2fa@mail.example.co.uk"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["用户@例子.广告", "用户@例子.广告"],
    ["j\u006f\u0308rg@example.com", "jörg@example.com"],
  ];
  for (const [input, stored] of accepted) assert.equal(normalizeEmail(input), stored, input);
});

test("addresses that no mail system delivers to are refused", () => {
  const refused: unknown[] = [
    "x..y@example.com", ".x@example.com", "x.@example.com", "user@localhost", "user@example", "user@[127.0.0.1]", "user@127.0.0.1",
    "\"a b\"@example.com", "a b@example.com", "a@b@example.com", "@example.com", "user@", "user", "", "user@-example.com", "user@example..com",
    "user@exa_mple.com", `${"a".repeat(65)}@example.com`, `a@${"b".repeat(250)}.com`, "a\u0000b@example.com", "a\u200bb@example.com",
    "\ud800@example.com", null, undefined, 42, {}, ["a@example.com"],
  ];
  for (const input of refused) assert.equal(normalizeEmail(input), null, JSON.stringify(input));
});

test("an account stored with its domain in punycode is found by either form", () => {
  assert.deepEqual(storedForms("user@exämple.com"), ["user@exämple.com", "user@xn--exmple-cua.com"]);
  assert.deepEqual(storedForms("User@XN--EXMPLE-CUA.com"), ["user@exämple.com", "user@xn--exmple-cua.com"]);
  assert.deepEqual(storedForms("user@example.com"), ["user@example.com"]);
  assert.deepEqual(storedForms("x..y@example.com"), []);
});
