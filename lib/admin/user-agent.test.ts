import assert from "node:assert/strict";
import { test } from "node:test";
import { browserLabel } from "./user-agent";

test("a user agent reads as browser, major version and system", () => {
  const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36";
  assert.deepEqual(browserLabel(chrome), { browser: "Chrome", version: "142", os: "Windows" });
  const safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
  assert.deepEqual(browserLabel(safari), { browser: "Safari", version: "18", os: "iOS" });
});

test("nothing recognisable reads as nothing", () => {
  assert.equal(browserLabel(null), null);
  assert.equal(browserLabel(""), null);
});
