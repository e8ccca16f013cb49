import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanText, isId, text, texts } from "./form";

// Issue 7, point 19: actions called with `[{},null]` or `[{},{"code":123456}]` answered 500.
test("a form that is no FormData reads as empty, whatever it is", () => {
  for (const form of [null, undefined, {}, { code: 123456 }, [], "email=a", 42, new Map([["email", "a@b.c"]])]) {
    assert.equal(text(form, "email"), "");
    assert.deepEqual(texts(form, "verification"), []);
  }
  const form = new FormData();
  form.set("file", new Blob(["x"]), "x.txt");
  assert.equal(text(form, "file"), "", "a file is not text");
});

test("NUL bytes and lone surrogates never leave the form (PostgreSQL refuses them)", () => {
  const form = new FormData();
  form.set("fullName", "Ann\u0000 Lee");
  form.set("broken", "a\ud800b\udc00c");
  form.append("verification", "id\u0000card");
  assert.equal(text(form, "fullName"), "Ann Lee");
  assert.equal(text(form, "broken"), "a\ufffdb\ufffdc");
  assert.deepEqual(texts(form, "verification"), ["idcard"]);
  assert.equal(cleanText("😀 ok"), "😀 ok", "a surrogate pair is kept");
});

test("ids are checked by shape before any query", () => {
  for (const id of ["cm3x9k2f40000abcd1234efgh", "AbC_-09"]) assert.ok(isId(id), id);
  for (const id of ["", "\u0000", "%ff", "a b", "x".repeat(65), "é", null, 42, {}]) assert.ok(!isId(id), String(id));
});
