// Runs in the worker threads of lib/hashing.ts: one bcrypt operation per task, synchronous here
// because this thread has nothing else to do. Plain JavaScript so that `next start`, tsx and node
// load it as is.
import { threadId } from "node:worker_threads";
import bcrypt from "bcryptjs";

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
