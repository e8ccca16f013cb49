import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mock, test } from "node:test";
import { logger } from "../logger";
import { decryptSecret, encryptSecret, loadEncryptionKey } from "./secrets";

process.env.TWO_FACTOR_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const tempKeyFile = () => join(mkdtempSync(join(tmpdir(), "two-factor-key-")), "nested", "two-factor-key");

test("a secret is stored as v1:iv:tag:ciphertext, never in clear, and decrypts back", () => {
  const stored = encryptSecret(SECRET);
  assert.match(stored, /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
  assert.ok(!stored.includes(SECRET));
  assert.equal(decryptSecret(stored), SECRET);
  assert.notEqual(encryptSecret(SECRET), stored, "a fresh IV each time");
});

test("any change to a stored secret is detected", () => {
  const stored = encryptSecret(SECRET);
  for (let i = 3; i < stored.length; i++) {
    if (stored[i] === ":") continue;
    const altered = stored.slice(0, i) + (stored[i] === "A" ? "B" : "A") + stored.slice(i + 1);
    assert.throws(() => decryptSecret(altered), /malformed|failed authentication/, `character ${i}`);
  }
  const [, iv, tag, ciphertext] = stored.split(":");
  const shortTag = Buffer.from(tag!, "base64url").subarray(0, 12).toString("base64url");
  for (const forged of [`v1:${iv}:${shortTag}:${ciphertext}`, `v2:${iv}:${tag}:${ciphertext}`, `v1:${iv}:${tag}`, `${stored}:x`, "", SECRET]) {
    assert.throws(() => decryptSecret(forged), /malformed|failed authentication/, forged);
  }
});

test("another key cannot decrypt a stored secret", () => {
  const stored = encryptSecret(SECRET);
  const script = `import { decryptSecret } from "./lib/two-factor/secrets.ts"; decryptSecret(${JSON.stringify(stored)});`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    env: { ...process.env, TWO_FACTOR_ENCRYPTION_KEY: randomBytes(32).toString("hex") },
    encoding: "utf8",
  });
  assert.notEqual(child.status, 0);
  assert.match(child.stderr, /failed authentication: wrong TWO_FACTOR_ENCRYPTION_KEY/);
});

test("the key is read as base64, base64url or hex, and anything else is refused without echoing it", () => {
  const key = randomBytes(32);
  for (const text of [key.toString("base64"), key.toString("base64url"), key.toString("hex"), ` ${key.toString("hex")}\n`]) {
    assert.deepEqual(loadEncryptionKey({ TWO_FACTOR_ENCRYPTION_KEY: text }), key);
  }
  const malformed = ["secret", randomBytes(31).toString("base64"), randomBytes(33).toString("base64"), key.toString("hex") + "0", "z".repeat(64)];
  for (const text of malformed) {
    assert.throws(
      () => loadEncryptionKey({ TWO_FACTOR_ENCRYPTION_KEY: text, NODE_ENV: "production" }),
      (error: Error) => /TWO_FACTOR_ENCRYPTION_KEY must be a 32-byte key/.test(error.message) && !error.message.includes(text),
    );
  }
});

test("production without a key refuses to start instead of inventing one", () => {
  const file = tempKeyFile();
  assert.throws(() => loadEncryptionKey({ NODE_ENV: "production" }, file), /TWO_FACTOR_ENCRYPTION_KEY is not set/);
  assert.throws(() => loadEncryptionKey({ NODE_ENV: "production", TWO_FACTOR_ENCRYPTION_KEY: "" }, file), /is not set/);
  assert.throws(() => statSync(file), /ENOENT/);
});

test("without a key, one is generated into a file only its owner can read, kept, and logged about without the key", () => {
  const warn = mock.method(logger, "warn");
  try {
    for (const env of [{ NODE_ENV: "development" }, { NODE_ENV: "production", ALLOW_GENERATED_KEYS: "1" }]) {
      const file = tempKeyFile();
      const key = loadEncryptionKey(env, file);
      assert.equal(key.length, 32);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(loadEncryptionKey(env, file), key, "the same key on the next start");
      assert.equal(readFileSync(file, "utf8").trim(), key.toString("base64"));
      const logged = JSON.stringify(warn.mock.calls.map((call) => call.arguments));
      assert.match(logged, /TWO_FACTOR_ENCRYPTION_KEY is not set/);
      assert.ok(!logged.includes(key.toString("base64")) && !logged.includes(key.toString("hex")));
    }
  } finally {
    warn.mock.restore();
  }
});
