import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import bcrypt from "bcryptjs";
import { bcryptCompare, bcryptHash, hashingThreadId } from "./hashing";

test("a hash made in the pool matches on the main thread, and one made on the main thread matches in the pool", async () => {
  const pooled = await bcryptHash("correct horse battery", 4);
  assert.match(pooled, /^\$2[aby]\$04\$/);
  assert.equal(bcrypt.compareSync("correct horse battery", pooled), true);
  assert.equal(bcrypt.compareSync("correct horse batterY", pooled), false);
  const local = bcrypt.hashSync("staple", 4);
  assert.equal(await bcryptCompare("staple", local), true);
  assert.equal(await bcryptCompare("stapler", local), false);
});

test("the work runs in worker threads, not on the main thread", async () => {
  const ids = new Set(await Promise.all(Array.from({ length: 8 }, () => hashingThreadId())));
  assert.ok(![...ids].includes(0), `thread ids ${[...ids]}`);
});

test("the event loop keeps answering while eight hashes at cost 10 run", async () => {
  let worstLagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, (_, i) => bcryptHash(`password ${i}`, 10)));
  const elapsed = performance.now() - started;
  clearInterval(timer);
  // On the event loop these hashes would stall a timer for their whole duration (about 0.5 s here);
  // the bound is generous for a busy machine.
  assert.ok(worstLagMs < 150, `worst timer lag ${worstLagMs.toFixed(0)} ms while hashing took ${elapsed.toFixed(0)} ms`);
});

test("a command-line process that hashed exits by itself, without closing the pool", () => {
  const script = `import { bcryptHash } from "./lib/hashing.ts"; console.log((await bcryptHash("x", 4)).slice(0, 7));`;
  const started = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "$2b$04$");
  assert.ok(Date.now() - started < 30_000);
});
