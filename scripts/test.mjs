// `npm test`: every test. Installs what is missing, type-checks, runs the unit and integration
// tests (node's test runner), builds, then runs the Playwright tests in Chromium against
// `next start`. TEST_DATABASE_URL=postgres://… runs the database and browser tests on PostgreSQL.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumPath, ensureBuild, ensureDependencies, ensurePrismaClients, root } from "./lib.mjs";

const results = [];
function stage(name, fn) {
  console.log(`\n=== ${name}`);
  try {
    const outcome = fn();
    results.push({ name, ...outcome });
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    results.push({ name, passed: 0, failed: 1 });
  }
}

function testFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : testFiles(p);
    return e.name.endsWith(".test.ts") ? [p] : [];
  });
}

ensureDependencies();
ensurePrismaClients();
const onPostgres = /^postgres/.test(process.env.TEST_DATABASE_URL ?? "");
console.log(`Databases for the tests: ${onPostgres ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})` : "SQLite"}`);

stage("type check", () => {
  const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", root], { cwd: root, stdio: "inherit" });
  return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
});

stage("unit and integration tests", () => {
  const files = ["lib", "scripts"].flatMap(testFiles).sort();
  // Files side by side (each database test file has its own database): node's default is one
  // fewer than the cores, which on 2 cores runs them one after another.
  const concurrency = Math.max(2, availableParallelism());
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", "--test-reporter-destination=stdout", "--test-reporter=tap", `--test-reporter-destination=${join(tmpdir(), "portal-node-tests.tap")}`, ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  });
  const tap = readFileSync(join(tmpdir(), "portal-node-tests.tap"), "utf8");
  const count = (k) => Number(tap.match(new RegExp(`^# ${k} (\\d+)`, "m"))?.[1] ?? 0);
  const failed = count("fail") + count("cancelled") + (r.status !== 0 && count("fail") === 0 ? 1 : 0);
  return { passed: count("pass"), failed };
});

stage("end-to-end tests (Chromium against next start)", () => {
  ensureBuild();
  const chromium = chromiumPath();
  const report = join(tmpdir(), "portal-e2e.json");
  rmSync(report, { force: true });
  const e2eDb = onPostgres ? Object.assign(new URL(process.env.TEST_DATABASE_URL), { pathname: "/portal_e2e" }).toString() : `file:${join(tmpdir(), "portal-e2e.db")}`;
  // On PostgreSQL the journeys run again, but not the look of every page (axe and widths, tagged
  // @presentation), which the database does not change: unless specs or options were given.
  const args = process.argv.slice(2);
  if (onPostgres && !args.length) args.push("--grep-invert", "@presentation");
  const r = spawnSync(process.execPath, [join(root, "node_modules/@playwright/test/cli.js"), "test", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium, E2E_DATABASE_URL: e2eDb, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const stats = JSON.parse(readFileSync(report, "utf8")).stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (r.status !== 0 && !stats.unexpected ? 1 : 0) };
});

console.log("\n=== summary");
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
