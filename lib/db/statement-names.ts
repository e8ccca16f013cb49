import { createHash } from "node:crypto";
import type { PrismaPg } from "@prisma/adapter-pg";
import { KEPT_STATEMENTS, LONGEST_KEPT_SQL } from "./statement-cache";

// PostgreSQL parses and plans every unnamed statement anew: Prisma's pg adapter sends each query
// unnamed unless it is given a name. Named, a statement is parsed once per connection (pg keeps
// track of which connection has which), and each later run sends only its arguments. Under sign-in
// load this took about a quarter of PostgreSQL's own CPU per sign-in (npm run bench, issue 11).
// The bound is the SQLite path's (lib/db/statement-cache.ts): Prisma writes a new text for each
// length of an `IN (…)` list and each row count of a `createMany`, and a prepared statement holds
// memory in every connection's server process until the connection closes.
//
// A migration that changes the type of a column makes PostgreSQL refuse every statement prepared
// before it whose result includes the column ("cached plan must not change result type", SQLSTATE
// 0A000), in every server already running; it refuses before running it, so nothing was written.
// Then every name changes (a new generation, prepared afresh on each connection) and the query is
// sent again once, under its new name. A transaction, which the refusal aborts, fails: each one in
// flight at that moment fails once, and the next ones work.

/** "cached plan must not change result type": SQLSTATE 0A000 ("feature not supported") with this message. */
const STALE_PLAN = { code: "0A000", message: "cached plan must not change result type" };

/**
 * A statementNameGenerator, `generation` (how many times the names changed), and `renew()`: every
 * name changes, so each statement is prepared afresh.
 */
export type StatementNamer = ((query: { sql: string }) => string | undefined) & { readonly generation: number; renew(): void };

/**
 * A namer for `@prisma/adapter-pg`'s `statementNameGenerator`: takes a query, returns the name of
 * its prepared statement (the same for the same SQL text within a generation, distinct for distinct
 * texts), or undefined (sent unnamed, parsed each time) once `max` texts have names or for a text
 * longer than `longest` characters. Throws nothing. Follows PostgreSQL's extended query protocol
 * (Parse with a statement name, then Bind/Execute).
 */
export function statementNamer(max = KEPT_STATEMENTS, longest = LONGEST_KEPT_SQL): StatementNamer {
  const names = new Map<string, string>();
  let generation = 0;
  const name = ({ sql }: { sql: string }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= max || sql.length > longest) return undefined;
    const hash = createHash("sha256").update(sql).digest("base64url").slice(0, 32);
    const named = `portal_${generation}_${hash}`;
    names.set(sql, named);
    return named;
  };
  return Object.defineProperties(name, {
    generation: { get: () => generation },
    renew: {
      value: () => {
        generation += 1;
        names.clear();
      },
    },
  }) as StatementNamer;
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Queryable = Pick<Adapter, "queryRaw" | "executeRaw">;

// Only this refusal: other 0A000 errors ("feature not supported") are the query's own, not to be sent
// twice. A server whose lc_messages is not English words it otherwise: its refusal is thrown as is.
const isStalePlan = (error: unknown) => {
  const cause = (error as { cause?: { originalCode?: string; originalMessage?: string } } | null)?.cause;
  return cause?.originalCode === STALE_PLAN.code && cause.originalMessage === STALE_PLAN.message;
};

/**
 * Wraps Prisma's pg adapter factory, made with `namer` as its statementNameGenerator, so that a
 * statement refused as prepared before a change of column type is prepared again under new names:
 * sent once more outside a transaction; inside one (which the refusal aborts) the refusal is
 * thrown. Queries refused at once renew the names once. Takes the factory and its namer; returns
 * a factory that connects the same way. Queries throw what the adapter throws, the refusal
 * included when it comes again.
 */
export function withRenewedStatements(factory: PrismaPg, namer: StatementNamer): Pick<PrismaPg, "provider" | "adapterName" | "connect"> {
  const renewing = (queryable: Queryable, retry: boolean) => {
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = queryable[method].bind(queryable) as (query: Parameters<Queryable[typeof method]>[0]) => Promise<unknown>;
      Object.defineProperty(queryable, method, {
        configurable: true,
        writable: true,
        value: async (query: Parameters<typeof run>[0]) => {
          const generation = namer.generation;
          try {
            return await run(query);
          } catch (error) {
            if (!isStalePlan(error)) throw error;
            // Renewed once for all the queries refused at once: by the first of them.
            if (namer.generation === generation) namer.renew();
            // Under its new name, the statement is prepared anew on whichever connection runs it.
            if (retry) return run(query);
            throw error;
          }
        },
      });
    }
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      renewing(adapter, true);
      const start = adapter.startTransaction.bind(adapter);
      Object.defineProperty(adapter, "startTransaction", {
        configurable: true,
        writable: true,
        value: async (...args: Parameters<typeof start>) => {
          const transaction = await start(...args);
          renewing(transaction, false);
          return transaction;
        },
      });
      return adapter;
    },
  };
}
