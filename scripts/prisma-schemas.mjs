// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the source) and generates
// both Prisma clients. Prisma 7's CLI cannot take the provider from env(), so each database
// gets its own schema file and client; lib/db.ts picks one at run time.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(join(root, "prisma/schema.prisma"), "utf8");

export function postgresSchema(text) {
  const out = text
    .replace(/^\/\/ Source schema \(SQLite\)\..*\n(\/\/.*\n)*/m, "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs: do not edit.\n")
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"');
  if (out === text || !out.includes("postgresql") || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the lines this script rewrites");
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(root, "prisma/postgres"), { recursive: true });
  writeFileSync(join(root, "prisma/postgres/schema.prisma"), postgresSchema(source));
  // generate needs no engine, but the CLI insists on finding one: a stub that fails keeps
  // any command that would really need it from pretending to succeed.
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  const cli = join(root, "node_modules/prisma/build/index.js");
  for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
    execFileSync(process.execPath, [cli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  console.log("prisma: generated the SQLite and PostgreSQL clients");
}
