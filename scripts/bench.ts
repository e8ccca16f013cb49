// `npm run bench`: what a second-factor check costs, measured on a scratch SQLite database (or
// on BENCH_DATABASE_URL). Prints medians; asserts nothing: speed is read here, not in the tests.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const file = join(tmpdir(), `portal-bench-${process.pid}.db`);
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `file:${file}`;
process.env.TWO_FACTOR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.BCRYPT_COST ??= "12";

const { migrate } = await import("@/lib/db/migrate");
await migrate(process.env.DATABASE_URL);
const { db } = await import("@/lib/db");
const bcrypt = (await import("bcryptjs")).default;
const { createUser } = await import("@/lib/users");
const { pendingEnrollment, completeEnrollment } = await import("@/lib/two-factor/manage");
const { consumeRecoveryCode } = await import("@/lib/two-factor/recovery-codes");
const { verifySecondFactor } = await import("@/lib/two-factor/verify");
const { issueTicket, redeemTicket, sessionUser } = await import("@/lib/auth/sessions");
const { TOTP, Secret } = await import("otpauth");

async function median(label: string, runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${times[Math.floor(runs / 2)]!.toFixed(2).padStart(8)} ms  (${runs} runs)`);
}

const user = await createUser({ email: `bench-${process.pid}@example.test`, password: "bench password 1" });
const { secret } = await pendingEnrollment(user);
const enrolled = await completeEnrollment(user, TOTP.generate({ secret: Secret.fromBase32(secret) }), { client: {} });
if (!enrolled.ok) throw new Error("enrollment failed");
const hashes = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
const unlockAll = () => db.user.update({ where: { id: user.id }, data: { secondFactorFailures: 0, secondFactorBlockedUntil: null } });

console.log(`bcrypt cost ${process.env.BCRYPT_COST}, database ${process.env.DATABASE_URL.split(":")[0]}`);
await median("one bcrypt compare (the floor)", 5, () => bcrypt.compare("zzzzzzzzzz", hashes[0]!.codeHash));
await median("a wrong recovery code, as checked (lookup + 1 compare)", 5, async () => {
  await unlockAll();
  await consumeRecoveryCode(user.id, "zzzzz-zzzzz");
});
await median("the naive way: comparing against all 10 stored hashes", 3, () => Promise.all(hashes.map((h) => bcrypt.compare("zzzzzzzzzz", h.codeHash))));
await median("a wrong TOTP code through verifySecondFactor", 50, async () => {
  await unlockAll();
  await verifySecondFactor(user.id, { code: "000000" });
});
const { sessionId } = (await redeemTicket(await issueTicket(user.id), {}))!;
await median("the session check every page and action makes", 200, () => sessionUser(sessionId));

// First-load JavaScript of the pages people meet first, from the last production build.
const { firstLoadJs } = await import("./first-load-js");
const BUDGET_KB = 150;
for (const [label, segment] of [["sign-in page (/login)", "(auth)/login"], ["second step (/login/verify)", "(auth)/login/verify"], ["wizard (/two-factor/setup)", "(account)/two-factor/setup"]] as const) {
  const size = firstLoadJs(process.cwd(), segment);
  if (!size) {
    console.log(`${label.padEnd(58)} no build: run \`npx next build\` (or npm start) first`);
    continue;
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`${`first-load JS, ${label}`.padEnd(58)} ${kb(size.gzip).padStart(8)} kB gzip (${kb(size.raw)} kB raw, ${size.files} files; budget ${BUDGET_KB} kB)`);
}

await db.$disconnect();
if (!process.env.BENCH_DATABASE_URL) for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
process.exit(0);
