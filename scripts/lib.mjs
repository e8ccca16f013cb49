// Steps shared by `npm start` and `npm test`: each does its work only when something changed,
// so both commands work on a fresh clone and stay quick afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed with ${result.status ?? result.signal}`);
  }
}

function fingerprint(paths) {
  const hash = createHash("sha256");
  const walk = (p) => {
    const full = join(root, p);
    if (!existsSync(full)) return;
    const s = statSync(full);
    if (s.isDirectory()) {
      for (const e of readdirSync(full).sort()) if (e !== "generated" && e !== "node_modules") walk(join(p, e));
    } else {
      hash.update(p).update(readFileSync(full));
    }
  };
  paths.forEach(walk);
  return hash.digest("hex");
}

function stale(stamp, paths) {
  const file = join(root, stamp);
  const now = fingerprint(paths);
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  return { changed: before !== now, save: () => { mkdirSync(dirname(file), { recursive: true }); writeFileSync(file, now); } };
}

export function ensureDependencies() {
  const s = stale("node_modules/.portal-install", ["package.json", "package-lock.json"]);
  if (!s.changed && existsSync(join(root, "node_modules/next"))) return;
  console.log("setup: installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  s.save();
}

export function ensurePrismaClients() {
  const s = stale("lib/generated/.stamp", ["prisma/schema.prisma", "package-lock.json"]);
  if (!s.changed && existsSync(join(root, "lib/generated/postgres/client.ts"))) return;
  run(process.execPath, [join(root, "scripts/prisma-schemas.mjs")]);
  s.save();
}

export function ensureBuild() {
  const s = stale(".next/.portal-build", ["app", "components", "lib", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "tsconfig.json"]);
  if (!s.changed && existsSync(join(root, ".next/BUILD_ID"))) return;
  console.log("setup: building the production bundle (next build)…");
  run(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  s.save();
}

/**
 * Node.js flags of the production server. A semi-space of 32 MiB (V8's default is 16): a
 * sign-in's short-lived objects (the request, the page's render, Prisma's rows) mostly die before
 * a scavenge has to copy them. Garbage is collected on the main thread alone: V8's helper threads
 * otherwise compete for the cores with the hashing workers (lib/hashing.ts), and under sign-in load
 * the server got more sign-ins per second out of the same CPU without them (npm run bench, cost 10,
 * two alternating pairs against a 64 MiB semi-space with helpers: 15.4 and 14.8/s against 14.6 and
 * 13.9/s at concurrency 8, 16.6 and 16.1/s against 16.0 and 15.4/s at 32, and less RSS).
 * BENCH_SERVER_NODE_ARGS replaces these flags to compare.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32", "--single-threaded-gc"];

/** The arguments that start the production server on `port` (after the node binary): `flags`, the client-address preload, `next start`. */
export function nextStartArgs(port, flags = SERVER_NODE_FLAGS) {
  return [...flags, "--require", join(root, "scripts/client-address.cjs"), join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)];
}

/** Runs a TypeScript file of ours with tsx. */
export function runTs(file, args = [], options = {}) {
  run(process.execPath, ["--import", "tsx", join(root, file), ...args], options);
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && existsSync(p)) return p;
  }
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    throw new Error(
      "The end-to-end tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  console.log("setup: installing Debian's chromium for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (!existsSync("/usr/bin/chromium")) throw new Error("apt-get installed chromium but /usr/bin/chromium is missing");
  return "/usr/bin/chromium";
}
