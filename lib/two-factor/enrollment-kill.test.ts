import { databaseUrl } from "@/test/support/db";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { codeAt } from "@/test/support/two-factor";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { pendingEnrollment } from "./manage";

// The enrollment runs in a child process that is killed (SIGKILL, as a crash or an OOM kill
// would) at points spread over its run: 2FA must then be off with nothing changed, or on with
// ten recovery codes, the audit event and the queued mail; never in between.

function enrollInChild(userId: string, code: string, killAfterMs: number | null): Promise<{ ms: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/enroll-child.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, KILL_USER: userId, KILL_CODE: code, BCRYPT_COST: "6", LOG_LEVEL: "fatal" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let started = 0;
    let finished = false;
    child.stdout.on("data", (chunk: Buffer) => {
      const out = chunk.toString();
      if (out.includes("go") && !started) {
        started = performance.now();
        if (killAfterMs !== null) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      }
      if (out.includes("done") || out.includes("refused")) finished = true;
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ ms: performance.now() - started, finished }));
  });
}

async function state(userId: string) {
  const [user, codes, events, mails] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId } }),
    db.recoveryCode.count({ where: { userId } }),
    db.auditEvent.count({ where: { userId, event: "two_factor.enabled" } }),
    db.outboxMessage.count({ where: { kind: "twoFactorEnabled", to: (await db.user.findUniqueOrThrow({ where: { id: userId } })).email } }),
  ]);
  return { on: !!user.twoFactorEnabledAt, secret: !!user.totpSecret, pending: !!user.totpPendingSecret, codes, events, mails };
}

async function enrollingUser(n: number) {
  const user = await createUser({ email: `kill${n}@example.test`, password: "a long password" });
  const { secret } = await pendingEnrollment(user);
  return { user, code: codeAt(secret, Date.now()) };
}

test("an enrollment killed at any moment leaves 2FA wholly off or wholly on, with its codes, audit event and mail", { timeout: 120_000 }, async () => {
  const first = await enrollingUser(0);
  const whole = await enrollInChild(first.user.id, first.code, null);
  assert.ok(whole.finished);
  assert.deepEqual(await state(first.user.id), { on: true, secret: true, pending: false, codes: 10, events: 1, mails: 1 });

  const outcomes = { off: 0, on: 0 };
  const points = [0.1, 0.5, 0.9, 1].map((f) => Math.round(f * whole.ms));
  for (const [i, ms] of points.entries()) {
    const { user, code } = await enrollingUser(i + 1);
    await enrollInChild(user.id, code, ms);
    const s = await state(user.id);
    if (s.on) {
      assert.deepEqual(s, { on: true, secret: true, pending: false, codes: 10, events: 1, mails: 1 }, `killed after ${ms} ms`);
      outcomes.on++;
    } else {
      assert.deepEqual(s, { on: false, secret: false, pending: true, codes: 0, events: 0, mails: 0 }, `killed after ${ms} ms`);
      outcomes.off++;
    }
  }
  assert.ok(outcomes.off > 0, `some kills landed before the commit (${JSON.stringify(outcomes)}, enrollment took ${whole.ms.toFixed(0)} ms)`);
});
