import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";

// bcryptjs is pure JavaScript: on the event loop one compare (about 240 ms at cost 12) stalls every
// other request. Hashes and compares run here instead, in one pool of worker threads per process
// (one thread per core), so the server uses every core and keeps answering meanwhile.

const WORKER = "hashing.worker.mjs";
const POOL = Symbol.for("portal.hashingPool");

type Registry = typeof globalThis & { [POOL]?: Piscina };

/** Where the worker file is: beside this module (tsx, node), or in lib/ of the project (`next start` runs bundled code). */
function workerFile(): string {
  const candidates = [join(process.cwd(), "lib", WORKER)];
  try {
    candidates.unshift(join(dirname(fileURLToPath(import.meta.url)), WORKER));
  } catch {
    // a bundle may give no file URL; the project directory still has the file
  }
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`hashing worker not found (looked in ${candidates.join(", ")})`);
  return found;
}

/**
 * The process's pool, created on first use and shared through globalThis (Next.js may load this
 * module once per bundle). Idle workers are unref'd by piscina, so a CLI process still exits.
 */
function pool(): Piscina {
  const registry = globalThis as Registry;
  if (!registry[POOL]) {
    const threads = availableParallelism();
    // execArgv [] : the worker is plain JavaScript and needs no loader (tsx) of the parent.
    registry[POOL] = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, execArgv: [] });
  }
  return registry[POOL];
}

const counts = { hashes: 0, compares: 0 };

/** How many hashes and compares this process has asked for (tests count compares with it). */
export function hashingCounts(): Readonly<typeof counts> {
  return { ...counts };
}

/** bcrypt hash of `secret` at `cost` (2^cost rounds), computed in a worker thread. bcrypt reads 72 bytes at most. */
export function bcryptHash(secret: string, cost: number): Promise<string> {
  counts.hashes++;
  return pool().run({ secret, cost }, { name: "hash" });
}

/** Whether `secret` matches the bcrypt `hash`, checked in a worker thread. Rejects as bcryptjs does on malformed input. */
export function bcryptCompare(secret: string, hash: string): Promise<boolean> {
  counts.compares++;
  return pool().run({ secret, hash }, { name: "compare" });
}

/** The id of the worker thread that answers a task (never the main thread's 0): for tests and the benchmark. */
export function hashingThreadId(): Promise<number> {
  return pool().run(null, { name: "thread" });
}

/** Ends the pool's threads; the next hash starts a new pool. For scripts that want to exit at once. */
export async function closeHashing(): Promise<void> {
  const registry = globalThis as Registry;
  const current = registry[POOL];
  registry[POOL] = undefined;
  await current?.destroy();
}
