import "@/test/support/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db";
import { hashingCounts } from "../hashing";
import { consumeRecoveryCode, generateRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT, remainingRecoveryCodes } from "./recovery-codes";
import { createTestUser } from "@/test/support/two-factor";

const SHAPE = /^[23456789abcdefghjkmnpqrstuvwxyz]{5}-[23456789abcdefghjkmnpqrstuvwxyz]{5}$/;

/** Runs `attempt` and returns how many bcrypt compares it made (the hashing pool counts them). */
async function comparesDuring(attempt: () => Promise<unknown>): Promise<number> {
  const before = hashingCounts().compares;
  await attempt();
  return hashingCounts().compares - before;
}

test("ten codes are shown once, as xxxxx-xxxxx, and only bcrypt hashes are stored", async () => {
  const user = await createTestUser();
  const codes = await generateRecoveryCodes(user.id);
  assert.equal(codes.length, RECOVERY_CODE_COUNT);
  for (const code of codes) assert.match(code, SHAPE);
  assert.equal(new Set(codes.map((c) => c.slice(0, 4))).size, RECOVERY_CODE_COUNT, "distinct prefixes");
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "RecoveryCode"`);
  assert.equal(rows.length, RECOVERY_CODE_COUNT);
  const stored = JSON.stringify(rows);
  for (const code of codes) {
    assert.ok(!stored.includes(code) && !stored.includes(code.replace("-", "")), "no column holds a code");
    assert.ok(!stored.includes(code.replace("-", "").slice(4)), "nor its part after the lookup prefix");
  }
  for (const row of rows) assert.match(String(row.codeHash), /^\$2[aby]\$04\$/);
  assert.equal(await remainingRecoveryCodes(user.id), RECOVERY_CODE_COUNT);
});

test("a code works once", async () => {
  const user = await createTestUser();
  const [code] = await generateRecoveryCodes(user.id);
  assert.deepEqual(await consumeRecoveryCode(user.id, code), { ok: true, remaining: 9 });
  assert.deepEqual(await consumeRecoveryCode(user.id, code), { ok: false });
  assert.equal(await remainingRecoveryCodes(user.id), 9);
});

test("codes are accepted whatever their case, spaces and dashes", async () => {
  const user = await createTestUser();
  const codes = await generateRecoveryCodes(user.id);
  const plain = (i: number) => codes[i]!.replace("-", "");
  const typed = [
    `${plain(0).slice(0, 5).toUpperCase()} ${plain(0).slice(5).toUpperCase()}`,
    codes[1]!,
    ` ${plain(2).split("").join(" ")} `,
    `${plain(3).slice(0, 5)}\u2013${plain(3).slice(5)}`,
  ];
  for (const [i, input] of typed.entries()) {
    assert.deepEqual(await consumeRecoveryCode(user.id, input), { ok: true, remaining: 9 - i }, input);
  }
});

test("a wrong code, another account's code or junk is refused", async () => {
  const [user, other] = [await createTestUser(), await createTestUser()];
  const codes = await generateRecoveryCodes(user.id);
  const othersCodes = await generateRecoveryCodes(other.id);
  const real = codes[0]!.replace("-", "");
  const samePrefixWrongRest = real.slice(0, 4) + (real[4] === "a" ? "b" : "a") + real.slice(5);
  for (const input of [samePrefixWrongRest, "aaaaa-aaaaa", othersCodes[0], real.slice(0, 9), real + "a", null, 42, {}]) {
    assert.deepEqual(await consumeRecoveryCode(user.id, input), { ok: false }, String(input));
  }
  assert.equal(await remainingRecoveryCodes(user.id), RECOVERY_CODE_COUNT);
});

test("regenerating makes every earlier code worthless", async () => {
  const user = await createTestUser();
  const before = await generateRecoveryCodes(user.id);
  await consumeRecoveryCode(user.id, before[0]);
  const after = await generateRecoveryCodes(user.id);
  for (const code of before) assert.deepEqual(await consumeRecoveryCode(user.id, code), { ok: false });
  assert.equal(await remainingRecoveryCodes(user.id), RECOVERY_CODE_COUNT);
  assert.deepEqual(await consumeRecoveryCode(user.id, after[0]), { ok: true, remaining: 9 });
});

test("ten regenerations at once leave exactly one set valid", async () => {
  const user = await createTestUser();
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => generateRecoveryCodes(user.id)));
  const rows = await db.recoveryCode.count({ where: { userId: user.id } });
  assert.equal(rows, RECOVERY_CODE_COUNT);
  const valid = [];
  for (const result of results) {
    if (result.status === "fulfilled" && (await consumeRecoveryCode(user.id, result.value[0])).ok) valid.push(result.value);
  }
  assert.equal(valid.length, 1);
});

test("twenty simultaneous uses of one code: exactly one succeeds", async () => {
  const user = await createTestUser();
  const [code] = await generateRecoveryCodes(user.id);
  const results = await Promise.all(Array.from({ length: 20 }, () => consumeRecoveryCode(user.id, code)));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(await remainingRecoveryCodes(user.id), RECOVERY_CODE_COUNT - 1);
});

test("checking an attempt costs one bcrypt compare, whether it matches, shares a prefix, or matches nothing", async () => {
  const user = await createTestUser();
  const codes = await generateRecoveryCodes(user.id);
  const last = codes.at(-1)!;
  const wrongRest = last.slice(0, 6) + (last[6] === "a" ? "b" : "a") + last.slice(7);
  assert.equal(await comparesDuring(() => consumeRecoveryCode(user.id, wrongRest)), 1);
  assert.equal(await comparesDuring(() => consumeRecoveryCode(user.id, "zzzzz-zzzzz")), 1);
  assert.equal(await comparesDuring(() => consumeRecoveryCode(user.id, last)), 1);
  assert.equal(await comparesDuring(() => consumeRecoveryCode(user.id, last)), 1, "a used code");
});

test("normalizeRecoveryCode accepts only ten characters of the code alphabet and never throws", () => {
  assert.equal(normalizeRecoveryCode("ABCDE-FGHJK"), "abcdefghjk");
  assert.equal(normalizeRecoveryCode(" abcde fghjk "), "abcdefghjk");
  const junk: unknown[] = ["", "abcde-fghj", "abcde-fghjkm", "abcde-fghj0", "abcde-fghj1", "abcde-fghjo", "abcde-fghjl", "abcde-fghji", "abcdé-fghjk", "İbcde-fghjk", "a".repeat(100_000), null, undefined, 1234567890, {}, ["abcdefghjk"]];
  for (const input of junk) assert.equal(normalizeRecoveryCode(input), null, String(typeof input === "string" ? input.slice(0, 20) : typeof input));
});

test("a recovery code typed in full-width letters or another script's digits reads as the code (issue 7, point 11)", () => {
  assert.equal(normalizeRecoveryCode("ＡＢＣＤＥ－ＦＧＨＪＫ"), "abcdefghjk");
  assert.equal(normalizeRecoveryCode("ａｂ２３４ ５６７ｘｙ"), "ab234567xy");
  assert.equal(normalizeRecoveryCode("ab٢٣٤-٥٦٧xy"), "ab234567xy");
});
