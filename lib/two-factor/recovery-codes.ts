import { createHmac, randomInt } from "node:crypto";
import { config } from "../config";
import { db } from "../db";
import { bcryptCompare, bcryptHash } from "../hashing";
import type { Prisma } from "../generated/sqlite/client";
import { derivedKey } from "./secrets";
import { asciiDigits } from "../digits";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: nothing that reads as another character when copied by hand.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const CODE_LENGTH = 10;
const LOOKUP_LENGTH = 4;
const CODE_SHAPE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);
const MAX_INPUT_LENGTH = 64;

function randomCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

// Distinct prefixes, so the lookup of an attempt names at most one code of the set.
function newCodes(): string[] {
  const byPrefix = new Map<string, string>();
  while (byPrefix.size < RECOVERY_CODE_COUNT) {
    const code = randomCode();
    byPrefix.set(code.slice(0, LOOKUP_LENGTH), code);
  }
  return [...byPrefix.values()];
}

// Keyed, so that a copy of the database alone does not reveal the codes' first characters.
function lookupFor(userId: string, code: string): string {
  return createHmac("sha256", derivedKey("recovery-code-lookup")).update(`${userId}:${code.slice(0, LOOKUP_LENGTH)}`).digest("hex");
}

function formatCode(code: string): string {
  return `${code.slice(0, CODE_LENGTH / 2)}-${code.slice(CODE_LENGTH / 2)}`;
}

/**
 * A typed code in its stored form: NFKC (full-width `ＡＢ２` as `ab2`), any script's digits as ASCII,
 * lower case, without spaces or dashes; null if it cannot be one.
 */
export function normalizeRecoveryCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const code = asciiDigits(input).replace(/[\s\-\u2010-\u2015\u2212]/g, "").toLowerCase();
  return CODE_SHAPE.test(code) ? code : null;
}

/** The rows that store `codes` for the user: keyed lookup prefix and bcrypt hash, hashed in parallel in the worker pool. */
export async function hashRecoveryCodes(userId: string, codes: string[]): Promise<{ userId: string; lookup: string; codeHash: string }[]> {
  const cost = config().BCRYPT_COST;
  return Promise.all(codes.map(async (code) => ({ userId, lookup: lookupFor(userId, code), codeHash: await bcryptHash(code, cost) })));
}

/** A new set of codes: `codes` formatted for the user (the only time they exist in clear), `rows` what is stored. */
export type PreparedRecoveryCodes = { codes: string[]; rows: { userId: string; lookup: string; codeHash: string }[] };

/** Makes and hashes a new set for the user. Slow (ten bcrypt hashes): call it before opening a transaction. */
export async function prepareRecoveryCodes(userId: string): Promise<PreparedRecoveryCodes> {
  const codes = newCodes();
  return { codes: codes.map(formatCode), rows: await hashRecoveryCodes(userId, codes) };
}

/** Replaces the user's codes with a prepared set, through `tx` (part of the caller's transaction). */
export async function storeRecoveryCodes(tx: Prisma.TransactionClient, prepared: PreparedRecoveryCodes): Promise<void> {
  const userId = prepared.rows[0]!.userId;
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: prepared.rows });
}

// Serializable: of two concurrent regenerations one fails, rather than both sets staying valid.
export const REPLACE_CODES_ISOLATION = { isolationLevel: "Serializable" } as const;

/** Replaces the user's codes with a new set and returns it, formatted: the only time the codes exist in clear. */
export async function generateRecoveryCodes(userId: string): Promise<string[]> {
  const prepared = await prepareRecoveryCodes(userId);
  await db.$transaction((tx) => storeRecoveryCodes(tx, prepared), REPLACE_CODES_ISOLATION);
  return prepared.codes;
}

// A hash to compare against when no code has the attempt's prefix, so every attempt costs one compare.
let decoy: Promise<string> | undefined;

function decoyHash(): Promise<string> {
  return (decoy ??= bcryptHash(randomCode(), config().BCRYPT_COST));
}

export async function consumeRecoveryCode(userId: string, input: unknown): Promise<{ ok: true; remaining: number } | { ok: false }> {
  const code = normalizeRecoveryCode(input);
  if (!code) return { ok: false };
  const row = await db.recoveryCode.findFirst({ where: { userId, lookup: lookupFor(userId, code), usedAt: null } });
  const matches = await bcryptCompare(code, row?.codeHash ?? (await decoyHash()));
  if (!row || !matches) return { ok: false };
  // Only the request that flips usedAt wins: a code works once, however many arrive together.
  const { count } = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) return { ok: false };
  return { ok: true, remaining: await remainingRecoveryCodes(userId) };
}

export function remainingRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
