import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { LRUCache } from "lru-cache";

// Prisma's better-sqlite3 adapter compiles every query's SQL anew (`prepare`, then `bind` its
// arguments), about 30 times per sign-in: the compile was 3% of the server's CPU under load, and
// each compiled statement holds native memory until the garbage collector finalizes it. Prisma
// sends the same few hundred SQL texts over and over, so they are compiled once per connection
// and kept here (issue 11), within a bound of count and of size. Kept statements are safe to
// share: better-sqlite3 runs each one to its end synchronously (the adapter never iterates), and
// SQLite compiles a kept statement again by itself after a schema change.

/** How many compiled statements a connection keeps (least recently used dropped first). */
export const KEPT_STATEMENTS = 500;
/**
 * The longest SQL text kept (characters), and the total kept. Prisma writes a new text for each
 * length of an `IN (…)` list and each row count of a `createMany`; a compiled statement's native
 * memory grows with its text (about 0.5 MiB for a 1,000-row insert), and such bulk statements
 * are rare and work on many rows, so they are compiled each time instead.
 */
export const LONGEST_KEPT_SQL = 16_384;
export const KEPT_SQL_CHARS = 1_000_000;

type Args = unknown[];
type Factory = Pick<PrismaBetterSqlite3, "provider" | "adapterName" | "connect">;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

// What the adapter does with `prepare(sql).bind(args)`; a compiled statement can be bound only
// once, so the arguments are handed to each run instead.
type Bound = { reader: boolean; run(): BetterSqlite3.RunResult; columns(): BetterSqlite3.ColumnDefinition[]; raw(): { all(): unknown[] } };
type Prepared = { bind(args: Args): Bound; run(): BetterSqlite3.RunResult };

function keepStatements(connection: BetterSqlite3.Database): (sql: string) => Prepared {
  // A statement's columns are read once too (describing them cost about 1% of the server's CPU
  // under load); Prisma names every column it reads, so they stay what they were. A schema change
  // that keeps the width but renames or retypes a column of `SELECT *` is not seen (Prisma sends none).
  type Kept = { statement: BetterSqlite3.Statement<Args>; columns?: BetterSqlite3.ColumnDefinition[] };
  const kept = new LRUCache<string, Kept>({ max: KEPT_STATEMENTS, maxSize: KEPT_SQL_CHARS, maxEntrySize: LONGEST_KEPT_SQL, sizeCalculation: (_, sql) => Math.max(1, sql.length) });
  const compile = connection.prepare.bind(connection);
  const keep = (sql: string): Kept => {
    const statement = compile(sql) as BetterSqlite3.Statement<Args>;
    // Rows as arrays, as the adapter reads them; set once, it stays with the statement.
    if (statement.reader) statement.raw(true);
    const entry = { statement };
    kept.set(sql, entry);
    return entry;
  };
  return (sql) => {
    const known = kept.get(sql) ?? keep(sql);
    const compiled = known.statement;
    const bound = (args: Args): Bound => {
      let rows: unknown[][] | undefined;
      return {
        reader: compiled.reader,
        run: () => compiled.run(args),
        // The adapter asks for the columns first, then the rows. The statement runs first here: one
        // compiled before a schema change (by this connection or another) is compiled again by
        // SQLite when it runs, and only then describes its new columns. The description kept is
        // described again when the rows are not as wide as it (a column added or dropped: SELECT *).
        columns: () => {
          rows = compiled.all(args) as unknown[][];
          if (!known.columns || (rows.length > 0 && rows[0]!.length !== known.columns.length)) known.columns = compiled.columns();
          return known.columns;
        },
        raw: () => ({ all: () => rows ?? compiled.all(args) }),
      };
    };
    return { bind: bound, run: () => compiled.run() };
  };
}

/**
 * Wraps Prisma's better-sqlite3 adapter factory so that each connection it opens keeps its
 * compiled statements (at most KEPT_STATEMENTS and KEPT_SQL_CHARS, by SQL text; none longer than
 * LONGEST_KEPT_SQL). Takes the factory; returns one that connects the same way. Throws nothing itself; queries throw what the adapter throws.
 */
export function withKeptStatements(factory: Factory): Factory {
  const keep = async (connecting: Promise<Adapter>) => {
    const adapter = await connecting;
    const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const prepare = keepStatements(connection);
    // The adapter reads `this.client.prepare(sql)`; only that is replaced, on this connection.
    Object.defineProperty(connection, "prepare", { value: prepare, configurable: true });
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
  };
}
