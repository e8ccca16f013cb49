import { randomInt } from "node:crypto";
import { config, isPostgres } from "../config";
import { db as defaultDb, type Db } from "../db";
import { logger } from "../logger";
import { decryptSecret } from "../two-factor/secrets";
import { configuredTransport, type Outgoing, type Transport } from "./transport";

export type DeliveryOptions = {
  /** The Prisma client to work through (tests run two "instances" on two clients). */
  db?: Db;
  transport?: Transport;
  /** Clock, in ms since the epoch. */
  now?: () => number;
  /** Most messages claimed and sent at once. */
  batch?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  giveUpAfterMs?: number;
  /** How long a claim holds a message; after it, another deliverer may take it (its holder died). */
  leaseMs?: number;
};

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Delay before retry number `attempt` (1 = after the first failure), in ms: `base` doubling up to
 * `max`, with "equal jitter" (half fixed, half random), so that many messages failed together do
 * not all come back at the same moment. With the defaults: 10 s, 20 s, 40 s … up to 1 h.
 */
export function backoffMs(attempt: number, base: number, max: number, random: () => number = () => randomInt(1_000_000) / 1_000_000): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

function settings(options: DeliveryOptions) {
  const c = config();
  const retryBaseMs = options.retryBaseMs ?? c.MAIL_RETRY_BASE_MS;
  return {
    db: options.db ?? defaultDb,
    transport: options.transport ?? configuredTransport(),
    now: options.now ?? Date.now,
    batch: options.batch ?? 20,
    retryBaseMs,
    retryMaxMs: options.retryMaxMs ?? c.MAIL_RETRY_MAX_MS,
    giveUpAfterMs: options.giveUpAfterMs ?? c.MAIL_GIVE_UP_AFTER_MS,
    leaseMs: options.leaseMs ?? Math.max(60_000, 4 * c.MAIL_SEND_TIMEOUT_MS),
  };
}

const due = (now: Date) => ({ OR: [{ status: "queued", nextAttemptAt: { lte: now } }, { status: "sending", leaseUntil: { lt: now } }] });

/**
 * Claims up to `batch` due messages for this deliverer: queued ones whose time has come, and
 * those whose holder's lease ran out. Each claim counts as an attempt. PostgreSQL: one UPDATE over
 * rows selected `FOR UPDATE SKIP LOCKED`, so instances never wait on each other; SQLite (one
 * writer at a time): a compare-and-set on `attempts` per row.
 */
async function claim(db: Db, batch: number, now: Date, leaseUntil: Date): Promise<string[]> {
  if (isPostgres()) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "OutboxMessage" SET "status" = 'sending', "leaseUntil" = CAST($1 AS timestamp(3)), "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "OutboxMessage"
         WHERE ("status" = 'queued' AND "nextAttemptAt" <= CAST($2 AS timestamp(3))) OR ("status" = 'sending' AND "leaseUntil" < CAST($2 AS timestamp(3)))
         ORDER BY "nextAttemptAt" LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING "id"`,
      leaseUntil.toISOString(),
      now.toISOString(),
      batch,
    );
    return rows.map((r) => r.id);
  }
  // Another instance may take every candidate first: look again until one is ours or none is due.
  for (;;) {
    const candidates = await db.outboxMessage.findMany({ where: due(now), orderBy: { nextAttemptAt: "asc" }, take: batch, select: { id: true, attempts: true } });
    const claimed: string[] = [];
    for (const c of candidates) {
      const { count } = await db.outboxMessage.updateMany({
        where: { id: c.id, attempts: c.attempts, ...due(now) },
        data: { status: "sending", leaseUntil, attempts: { increment: 1 } },
      });
      if (count === 1) claimed.push(c.id);
    }
    if (claimed.length || !candidates.length) return claimed;
  }
}

function outgoing(row: { id: string; to: string; subject: string; text: string; html: string; sealed: string | null }): Outgoing {
  const body = row.sealed ? (JSON.parse(decryptSecret(row.sealed)) as { text: string; html: string }) : row;
  return { id: row.id, to: row.to, subject: row.subject, text: body.text, html: body.html };
}

/**
 * One pass of the deliverer: claims the due messages (a batch), sends them at once, and records
 * each outcome: sent (the encrypted body dropped, only the redacted copy kept); queued again with
 * a later `nextAttemptAt` (backoff, or Resend's Retry-After when longer); or "failed" when Resend
 * refuses it for good or it has been failing for `giveUpAfterMs` (then its body is redacted too).
 * An outcome is written only by the deliverer that still holds the claim. Throws only database errors.
 */
export async function deliverBatch(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const s = settings(options);
  const start = s.now();
  const ids = await claim(s.db, s.batch, new Date(start), new Date(start + s.leaseMs));
  const report: DeliveryReport = { claimed: ids.length, sent: 0, retrying: 0, failed: 0 };
  if (!ids.length) return report;
  const rows = await s.db.outboxMessage.findMany({ where: { id: { in: ids } } });
  await Promise.all(
    rows.map(async (row) => {
      let attempt: Awaited<ReturnType<Transport>>;
      try {
        attempt = await s.transport(outgoing(row));
      } catch (error) {
        attempt = { ok: false, error: String((error as Error)?.message ?? error).slice(0, 500), permanent: false };
      }
      const now = s.now();
      const mine = { id: row.id, attempts: row.attempts, status: "sending" };
      if (attempt.ok) {
        await s.db.outboxMessage.updateMany({ where: mine, data: { status: "sent", sentAt: new Date(now), providerId: attempt.providerId, sealed: null, leaseUntil: null, lastError: null } });
        report.sent++;
        return;
      }
      const givesUp = attempt.permanent || now - (row.retriedAt ?? row.createdAt).getTime() >= s.giveUpAfterMs;
      if (givesUp) {
        await s.db.outboxMessage.updateMany({ where: mine, data: { status: "failed", sealed: null, leaseUntil: null, lastError: attempt.error } });
        logger.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, error: attempt.error }, "mail: gave up on a message");
        report.failed++;
        return;
      }
      const delay = Math.max(backoffMs(row.attempts, s.retryBaseMs, s.retryMaxMs), attempt.retryAfterMs ?? 0);
      await s.db.outboxMessage.updateMany({ where: mine, data: { status: "queued", nextAttemptAt: new Date(now + delay), leaseUntil: null, lastError: attempt.error } });
      logger.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, retryInMs: delay, error: attempt.error }, "mail: delivery failed; will retry");
      report.retrying++;
    }),
  );
  return report;
}

/** Passes until nothing is due (or `maxPasses`): what `npm run mail -- deliver` and the server's deliverer run. */
export async function deliverDue(options: DeliveryOptions & { maxPasses?: number } = {}): Promise<DeliveryReport> {
  const total: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const s = { ...options, transport: options.transport ?? configuredTransport() };
  for (let pass = 0; pass < (options.maxPasses ?? Infinity); pass++) {
    const r = await deliverBatch(s);
    for (const k of Object.keys(total) as (keyof DeliveryReport)[]) total[k] += r[k];
    if (r.claimed === 0) break;
  }
  return total;
}

type Loop = { timer: NodeJS.Timeout; busy: boolean; again: boolean; tick: () => void; stop: () => void };
// On globalThis: Next bundles instrumentation and each route separately, and all must share one loop.
const state = globalThis as unknown as { portalMailDeliverer?: Loop };

/**
 * Starts this process's deliverer (once; later calls do nothing): a pass every MAIL_POLL_MS and
 * after each nudge. Errors (the database down) are logged and the next pass tries again.
 * Returns a function that stops it.
 */
export function startDeliverer(options: DeliveryOptions & { intervalMs?: number } = {}): () => void {
  if (state.portalMailDeliverer) return state.portalMailDeliverer.stop;
  const transport = options.transport ?? configuredTransport();
  const loop: Loop = {
    busy: false,
    again: false,
    tick: () => {
      if (loop.busy) {
        loop.again = true;
        return;
      }
      loop.busy = true;
      deliverDue({ ...options, transport })
        .catch((error: unknown) => logger.error({ err: error }, "mail: deliverer pass failed"))
        .finally(() => {
          loop.busy = false;
          if (loop.again) {
            loop.again = false;
            setImmediate(loop.tick);
          }
        });
    },
    timer: setInterval(() => loop.tick(), options.intervalMs ?? config().MAIL_POLL_MS),
    stop: () => {
      clearInterval(loop.timer);
      if (state.portalMailDeliverer === loop) delete state.portalMailDeliverer;
    },
  };
  loop.timer.unref();
  state.portalMailDeliverer = loop;
  setImmediate(loop.tick);
  return loop.stop;
}

/** Asks this process's deliverer (if one runs) for a pass now: called right after a transaction that queued mail commits. */
export function nudgeDeliverer(): void {
  const loop = state.portalMailDeliverer;
  if (loop) setImmediate(loop.tick);
}
