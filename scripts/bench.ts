// `npm run bench`: what a second-factor check costs (micro-benchmarks, medians), then complete
// sign-ins over HTTP against the production server (scripts/bench-load.ts), on a scratch SQLite
// database (or on a scratch database of the PostgreSQL server BENCH_DATABASE_URL names). Asserts nothing: speed is read here, not in the tests.
// BCRYPT_COST (default 12) sets the cost; BENCH_QUICK=1 makes a short run (one round of 5 s each);
// BENCH_SECONDS, BENCH_ROUNDS and BENCH_CONCURRENCY (e.g. "1,8,32") override the load's shape;
// BENCH_ONLY=load runs the sign-in load alone (no micro-benchmarks, outbox or reminder runs);
// BENCH_STEP_SIGN_INS sets how many sign-ins, one at a time, say where the CPU goes by step, and
// BENCH_COMPARE_WITH=<checkout> alternates them with that checkout's server (an A/B comparison). A full
// reminder run over 100,000 generated accounts is timed last (BENCH_REMINDER_ACCOUNTS changes the count).
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const file = join(tmpdir(), `portal-bench-${process.pid}.db`);
// BENCH_DATABASE_URL names a PostgreSQL server (any database on it to connect to): the bench works
// in a database of its own there, SCRATCH_DATABASE, made anew, never in the one named. It creates
// thousands of accounts and empties the outbox. A run that failed leaves it to the next run to drop.
const postgresServer = process.env.BENCH_DATABASE_URL;
const SCRATCH_DATABASE = "portal_bench";
const { onPostgresServer } = await import("@/test/support/postgres-server");
if (postgresServer) {
  await onPostgresServer(postgresServer, `DROP DATABASE IF EXISTS "${SCRATCH_DATABASE}" WITH (FORCE)`);
  await onPostgresServer(postgresServer, `CREATE DATABASE "${SCRATCH_DATABASE}"`);
  const url = new URL(postgresServer);
  url.pathname = `/${SCRATCH_DATABASE}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `file:${file}`;
  // The scratch database goes however the bench ends (an error, Ctrl-C), not only after a full run.
  process.once("exit", () => { for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true }); });
}
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
const { bcryptCompare } = await import("@/lib/hashing");
const { loadBenchmark } = await import("./bench-load");

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

if (process.env.BENCH_ONLY !== "load") {
  const user = await createUser({ email: `bench-${process.pid}@example.test`, password: "bench password 1" });
  const { secret } = await pendingEnrollment(user);
  const enrolled = await completeEnrollment(user, TOTP.generate({ secret: Secret.fromBase32(secret) }), { client: {} });
  if (!enrolled.ok) throw new Error("enrollment failed");
  const hashes = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
  const unlockAll = () => db.user.update({ where: { id: user.id }, data: { secondFactorFailures: 0, secondFactorBlockedUntil: null } });

  console.log(`bcrypt cost ${process.env.BCRYPT_COST}, database ${process.env.DATABASE_URL.split(":")[0]}`);
  await median("one bcrypt compare on this thread (the floor)", 5, () => bcrypt.compare("zzzzzzzzzz", hashes[0]!.codeHash));
  await median("one bcrypt compare in the worker pool", 5, () => bcryptCompare("zzzzzzzzzz", hashes[0]!.codeHash));
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
}

const quick = process.env.BENCH_QUICK === "1";
await loadBenchmark({
  databaseUrl: process.env.DATABASE_URL,
  cost: Number(process.env.BCRYPT_COST),
  concurrencies: (process.env.BENCH_CONCURRENCY ?? "1,8,32").split(",").map(Number),
  seconds: Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 15)),
  rounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
});

if (process.env.BENCH_ONLY !== "load") {
  await benchMailDelivery();
  await (await import("./bench-reminders")).benchReminders();
}

/** The outbox: how long 1,000 queued mails take to deliver through the Resend SDK to a local fake Resend. */
async function benchMailDelivery() {
  const { startFakeResend } = await import("@/test/support/fake-resend");
  const { deliverDue } = await import("@/lib/mail/deliverer");
  const { resendTransport } = await import("@/lib/mail/transport");
  const resend = await startFakeResend();
  process.env.RESEND_BASE_URL = resend.url;
  await db.outboxMessage.deleteMany();
  await db.outboxMessage.createMany({ data: Array.from({ length: 1000 }, (_, i) => ({ to: `bench${i}@example.test`, subject: "bench", text: "t", html: "<p>h</p>", kind: "bench" })) });
  const start = performance.now();
  const report = await deliverDue({ transport: resendTransport("re_bench") });
  const ms = performance.now() - start;
  console.log(`${"1,000 queued mails delivered to a fake Resend (one deliverer)".padEnd(58)} total  ${ms.toFixed(0).padStart(8)} ms  (${report.sent} sent, ${resend.mails.length} received)`);
  await resend.close();
}

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
if (postgresServer) await onPostgresServer(postgresServer, `DROP DATABASE IF EXISTS "${SCRATCH_DATABASE}" WITH (FORCE)`);
process.exit(0);
