import assert from "node:assert/strict";
import { test } from "node:test";
import { browserMessages, messages } from "./messages";

test("pages outside /admin send the browser every namespace but the mails' and the console's", () => {
  for (const [locale, all] of Object.entries(messages)) {
    const sent = browserMessages(all);
    assert.deepEqual(Object.keys(sent).sort(), Object.keys(all).filter((n) => n !== "mail" && n !== "console").sort(), locale);
    assert.deepEqual(sent.verify, all.verify);
    assert.ok(JSON.stringify(sent).length < JSON.stringify(all).length * 0.6, `${locale}: the payload shrinks by at least 40%`);
  }
});
