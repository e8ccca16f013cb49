import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { logger } from "../logger";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const GENERATED_KEY_FILE = resolve(process.cwd(), ".data/two-factor-key");

type KeyEnv = { TWO_FACTOR_ENCRYPTION_KEY?: string; NODE_ENV?: string; ALLOW_GENERATED_KEYS?: string };

function parseKey(text: string, source: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value, "base64")
      : null;
  if (key?.length !== KEY_BYTES) {
    throw new Error(`${source} must be a 32-byte key, as base64 (44 characters) or hex (64 characters); try \`openssl rand -base64 32\``);
  }
  return key;
}

// Written under a temporary name and linked into place, so concurrent starts agree on one key.
function generatedKey(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  logger.warn(
    { file },
    "TWO_FACTOR_ENCRYPTION_KEY is not set: two-factor secrets are encrypted with a generated key kept in this file; losing it disables every enrolled authenticator",
  );
  return parseKey(readFileSync(file, "utf8"), file);
}

/** The key from TWO_FACTOR_ENCRYPTION_KEY; a generated one outside production or when ALLOW_GENERATED_KEYS=1. */
export function loadEncryptionKey(env: KeyEnv = process.env, file = GENERATED_KEY_FILE): Buffer {
  if (env.TWO_FACTOR_ENCRYPTION_KEY) return parseKey(env.TWO_FACTOR_ENCRYPTION_KEY, "TWO_FACTOR_ENCRYPTION_KEY");
  if (env.NODE_ENV === "production" && env.ALLOW_GENERATED_KEYS !== "1") {
    throw new Error(
      "TWO_FACTOR_ENCRYPTION_KEY is not set: set it to a 32-byte key (`openssl rand -base64 32`), or set ALLOW_GENERATED_KEYS=1 to keep a generated one in .data/two-factor-key",
    );
  }
  return generatedKey(file);
}

let key: Buffer | undefined;

// Loaded on first use, not on import, like the rest of the configuration.
function encryptionKey(): Buffer {
  return (key ??= loadEncryptionKey());
}

const derived = new Map<string, Buffer>();

/**
 * A key for another purpose, derived from the encryption key (HKDF-SHA256, RFC 5869), so one
 * secret is configured. Takes the purpose (the HKDF info); returns 32 bytes, the same for the
 * same purpose (derived once per process: the device cookie's HMAC needs it at every sign-in).
 * Throws what loading the encryption key throws.
 */
export function derivedKey(purpose: string): Buffer {
  let found = derived.get(purpose);
  if (!found) derived.set(purpose, (found = Buffer.from(hkdfSync("sha256", encryptionKey(), Buffer.alloc(0), purpose, KEY_BYTES))));
  return found;
}

export function encryptSecret(base32: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"))].join(":");
}

// Node's base64url decoder skips stray characters; only the canonical spelling is accepted.
function decodePart(text: string): Buffer | null {
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}

export function decryptSecret(stored: string): string {
  const [version, ...parts] = stored.split(":");
  const [iv, tag, ciphertext] = parts.map(decodePart);
  if (version !== VERSION || parts.length !== 3 || iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext) {
    throw new Error("Stored two-factor secret is malformed");
  }
  // authTagLength refuses shortened tags, which GCM would otherwise accept.
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Stored two-factor secret failed authentication: wrong TWO_FACTOR_ENCRYPTION_KEY, or the value was altered");
  }
}
