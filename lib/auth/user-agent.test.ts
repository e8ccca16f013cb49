import assert from "node:assert/strict";
import { test } from "node:test";
import { describeClient } from "./user-agent";

test("a user agent reads as browser with its major version, and system", () => {
  const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36";
  assert.deepEqual(describeClient(chrome), { browser: "Chrome 142", system: "Windows 10" });
  const safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
  assert.deepEqual(describeClient(safari), { browser: "Mobile Safari 18", system: "iOS 18.1" });
});

test("nothing recognisable reads as nothing", () => {
  assert.deepEqual(describeClient(null), { browser: null, system: null });
  assert.deepEqual(describeClient(""), { browser: null, system: null });
  assert.deepEqual(describeClient("curl-ish nonsense"), { browser: null, system: null });
});
