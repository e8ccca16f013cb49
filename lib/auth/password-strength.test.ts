import assert from "node:assert/strict";
import { test } from "node:test";
import { passwordStrengthProblem } from "./password-strength";

const account = { email: "jan.jansen@example.com", name: "Jan Jansen" };

test("passwords from leaked and common lists, and well-known patterns, are refused", () => {
  for (const password of ["password123", "1234567890", "qwertyuiop", "iloveyou12", "Password1!", "aaaaaaaaaaaa", "abcdefghijk"]) {
    assert.equal(passwordStrengthProblem(password, account), "passwordRules.common", password);
  }
});

test("passwords built from the account's email, name or the product's name are refused", () => {
  for (const password of ["jan.jansen@example.com", "jansen2026!!", "Mail-IT-Wize2026", "JanJansen1990"]) {
    assert.equal(passwordStrengthProblem(password, account), "passwordRules.personal", password);
  }
});

test("the length rules come first and stay as they were", () => {
  assert.equal(passwordStrengthProblem("Xk7#qL2", account), "password.tooShort");
  assert.equal(passwordStrengthProblem("é".repeat(40), account), "password.tooLong");
});

test("long random or passphrase passwords pass", () => {
  for (const password of ["violet anchor drift 42", "correct horse battery staple", "pw-9f3a61c0e4b27d58", "Tr0ub4dor&3x-kestrel"]) {
    assert.equal(passwordStrengthProblem(password, account), null, password);
  }
});
