// Runs in the worker threads of lib/hashing.ts: one bcrypt operation per task, synchronous here
// because this thread has nothing else to do. Plain JavaScript so that `next start`, tsx and node
// load it as is.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { threadId } from "node:worker_threads";
import bcrypt from "bcryptjs";

// Hashing yields the CPU to the request thread (Linux nice 10 for this thread alone), so pages keep
// answering quickly while sign-ins queue; on other systems the thread keeps the default priority.
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (tid > 0) setPriority(tid, 10);
} catch {
  // no /proc/thread-self (not Linux): same priority as the rest of the process
}

export function hash({ secret, cost }) {
  return bcrypt.hashSync(secret, cost);
}

export function compare({ secret, hash }) {
  return bcrypt.compareSync(secret, hash);
}

/** For tests and the benchmark: which thread answered. */
export function thread() {
  return threadId;
}
