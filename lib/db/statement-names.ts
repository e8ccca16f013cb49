import { createHash } from "node:crypto";
import { KEPT_STATEMENTS, LONGEST_KEPT_SQL } from "./statement-cache";

// PostgreSQL parses and plans every unnamed statement anew: Prisma's pg adapter sends each query
// unnamed unless it is given a name. Named, a statement is parsed once per connection (pg keeps
// track of which connection has which), and each later run sends only its arguments. Under sign-in
// load this took about a quarter of PostgreSQL's own CPU per sign-in (npm run bench, issue 11).
// The bound is the SQLite path's (lib/db/statement-cache.ts): Prisma writes a new text for each
// length of an `IN (…)` list and each row count of a `createMany`, and a prepared statement holds
// memory in every connection's server process until the connection closes. A migration that
// changes a column's type makes each connection's statement that reads it fail once ("cached plan
// must not change result type"; pg-pool then drops the connection): the README says to restart.

/**
 * A namer for `@prisma/adapter-pg`'s `statementNameGenerator`: takes a query, returns the name of
 * its prepared statement (the same for the same SQL text, distinct for distinct texts), or
 * undefined (sent unnamed, parsed each time) once `max` texts have names or for a text longer than
 * `longest` characters. Throws nothing. Follows PostgreSQL's extended query protocol (Parse with a
 * statement name, then Bind/Execute).
 */
export function statementNamer(max = KEPT_STATEMENTS, longest = LONGEST_KEPT_SQL): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= max || sql.length > longest) return undefined;
    const name = `portal_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
