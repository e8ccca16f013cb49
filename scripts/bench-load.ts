// The load half of `npm run bench`: complete 2FA sign-ins replayed over HTTP against the production
// build (`next start`), as a browser sends them: the password step (a POST to its route handler),
// the code page it leads to (the router's fetch of /login/verify), the code step (a POST), then the
// page it leads to, which checks the session. Reads the server's CPU
// and memory from /proc, and the latency of a trivial page during the load (event-loop health).
// Prints figures; asserts nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request, type IncomingHttpHeaders } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import bcrypt from "bcryptjs";
import { Secret, TOTP } from "otpauth";
// @ts-expect-error -- plain JavaScript helpers shared by `npm start` and `npm test`
import { ensureBuild, ensureDependencies, ensurePrismaClients, nextStartArgs, root, SERVER_NODE_FLAGS } from "./lib.mjs";

const PASSWORD = "bench password 1";
const STEP_SECONDS = 30;
const CLOCK_TICKS = 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux

type LoadOptions = { databaseUrl: string; cost: number; concurrencies: number[]; seconds: number; rounds: number };
type Step = "password" | "verify" | "code" | "page";

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : "–");

// ---- the server process: CPU (all its threads) and memory, from /proc --------------------------

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) kids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return kids;
}

function tree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(tree)];
}

/** utime + stime in seconds of one process (all threads) or one thread (/proc/<pid>/task/<tid>/stat). */
function cpuSeconds(statFile: string): number {
  try {
    const stat = readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function rssMiB(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU (seconds, all processes) of the PostgreSQL server on this machine, whose backends do the
 * database's share of each sign-in; null when the database is SQLite (inside the server process,
 * already counted) or on another machine (out of reach of /proc).
 */
function databaseCpu(databaseUrl: string): (() => number) | null {
  if (!/^postgres/.test(databaseUrl) || !["localhost", "127.0.0.1", "[::1]"].includes(new URL(databaseUrl).hostname)) return null;
  return () => {
    let sum = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") sum += cpuSeconds(`/proc/${entry}/stat`);
      } catch {
        // the process ended meanwhile (its CPU is lost to the sum: the server's pool keeps its connections open)
      }
    }
    return sum;
  };
}

class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    /** The local PostgreSQL's CPU (seconds), or null (SQLite, or a database elsewhere). */
    readonly databaseCpu: (() => number) | null,
  ) {}

  /** Starts `next start` of the checkout at `dir` (its own build) on `port`; resolves once it answers /login. */
  static async start(env: Record<string, string>, port: number, dir = root): Promise<ServerProcess> {
    const taken = await send(`http://localhost:${port}/`).then(() => true, () => false);
    if (taken) throw new Error(`port ${port} is in use: set BENCH_PORT`);
    // The server's Node.js flags are npm start's (scripts/lib.mjs); BENCH_SERVER_NODE_ARGS replaces
    // them: "" for V8's defaults, "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server alone.
    const flags = process.env.BENCH_SERVER_NODE_ARGS === undefined ? SERVER_NODE_FLAGS : process.env.BENCH_SERVER_NODE_ARGS.split(" ").filter(Boolean);
    // nextStartArgs names this checkout's files: the other checkout's are put in their place.
    const args = nextStartArgs(port, flags).map((arg: string) => (arg.startsWith(root) ? dir + arg.slice(root.length) : arg));
    const child = spawn(process.execPath, args, {
      cwd: dir,
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    const server = new ServerProcess(child, `http://localhost:${port}`, databaseCpu(env.DATABASE_URL ?? ""));
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      try {
        if ((await send(`${server.url}/login`)).status === 200) return server;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error("next start did not answer within a minute");
  }

  /** Every process of the server (next start may fork next-server). */
  pids(): number[] {
    return tree(this.child.pid!);
  }

  cpu(): number {
    return this.pids().reduce((sum, pid) => sum + cpuSeconds(`/proc/${pid}/stat`), 0);
  }

  /** CPU of each process's main thread (where requests run), summed. */
  mainThreadCpu(): number {
    return this.pids().reduce((sum, pid) => sum + cpuSeconds(`/proc/${pid}/task/${pid}/stat`), 0);
  }

  rss(): number {
    return this.pids().reduce((sum, pid) => sum + rssMiB(pid), 0);
  }

  /** How the server ended ("exit code 1", "signal SIGTERM"), or null while it runs. */
  ended(): string | null {
    if (this.child.signalCode) return `signal ${this.child.signalCode}`;
    return this.child.exitCode === null ? null : `exit code ${this.child.exitCode}`;
  }

  stop() {
    try {
      process.kill(-this.child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

// ---- users: enrolled, created directly in the database with one precomputed hash ----------------

/** `browser`: the cookies this user's browser keeps between sign-ins (language, device token). */
type BenchUser = { email: string; secret: Secret; lastStep: number; browser: Map<string, string> };

async function createUsers(count: number, cost: number): Promise<BenchUser[]> {
  const { db } = await import("@/lib/db");
  const { encryptSecret } = await import("@/lib/two-factor/secrets");
  const passwordHash = bcrypt.hashSync(PASSWORD, cost);
  const tag = randomBytes(4).toString("hex");
  const users: BenchUser[] = Array.from({ length: count }, (_, i) => ({ email: `bench-${tag}-${i}@example.test`, secret: new Secret(), lastStep: -1, browser: new Map(RETURNING_BROWSER) }));
  const now = new Date();
  for (let i = 0; i < users.length; i += 500) {
    await db.user.createMany({
      data: users.slice(i, i + 500).map((u) => ({ email: u.email, name: "Bench", passwordHash, twoFactorEnabledAt: now, totpSecret: encryptSecret(u.secret.base32) })),
    });
  }
  return users;
}

/** A user whose code of the current step has not been used yet (TOTP codes work once). */
function takeUser(users: BenchUser[], cursor: { next: number }): BenchUser | null {
  const step = Math.floor(Date.now() / 1000 / STEP_SECONDS);
  for (let tries = 0; tries < users.length; tries++) {
    const user = users[cursor.next++ % users.length]!;
    if (user.lastStep < step) {
      user.lastStep = step;
      return user;
    }
  }
  return null;
}

// ---- HTTP as a browser speaks it, on node:http -------------------------------------------------
// The bench shares the machine with the server, so its own CPU lowers what it measures: fetch
// (undici) took about 2 ms of CPU a request here, node:http with kept connections a fraction.

// An agent without a `timeout` keeps an idle connection for ever and ignores the server's
// "Keep-Alive: timeout=5": the server closes it after 5 s idle, and a request sent on it at that
// moment fails with "read ECONNRESET" (a 5 s run at concurrency 1 leaves the warm-up's connections
// idle for just that long). With a timeout, Node.js drops an idle connection a second before the
// server's hint. It differs from REQUEST_TIMEOUT_MS on purpose: Node.js sets a reused connection's
// timeout to the request's only when the two differ.
const connections = new Agent({ keepAlive: true, maxSockets: Infinity, timeout: 30_000 });
const ACCEPT_ENCODING = "gzip, deflate, br";
/** A request with no answer by then fails (a stopped or deadlocked server), instead of the bench waiting for ever. */
const REQUEST_TIMEOUT_MS = 60_000;

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One request over a kept connection; the body is decompressed as a browser does. Never follows a
 * redirect. Rejects, naming the request, when no answer came within REQUEST_TIMEOUT_MS or the body
 * does not decompress.
 */
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
  const method = init.method ?? "GET";
  return new Promise((resolve, reject) => {
    let outgoing: ReturnType<typeof request> | undefined = undefined;
    const fail = (error: Error) => reject(new Error(`${method} ${new URL(url).pathname}: ${error.message}${outgoing?.reusedSocket ? " (on a kept connection)" : ""}`, { cause: error }));
    outgoing = request(url, { method, agent: connections, timeout: REQUEST_TIMEOUT_MS, headers: { "accept-encoding": ACCEPT_ENCODING, ...init.headers, ...(init.body && { "content-length": String(init.body.length) }) } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", fail);
      incoming.on("end", () => {
        try {
          const raw = Buffer.concat(chunks);
          const encoding = incoming.headers["content-encoding"];
          const body = encoding === "gzip" ? gunzipSync(raw) : encoding === "br" ? brotliDecompressSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw;
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: body.toString("utf8") });
        } catch (error) {
          fail(error as Error);
        }
      });
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    outgoing.on("error", fail);
    outgoing.end(init.body);
  });
}

/** Fields as a browser's FormData posts them (multipart/form-data). */
function multipart(fields: Record<string, string>): { type: string; body: Buffer } {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`) };
}

// ---- one sign-in, as the browser sends it ------------------------------------------------------

// Each user signs in from a browser that has been here before: it carries the language cookie
// (the user's, "en"), and after its first sign-in the device token (lib/auth/device.ts). A browser
// without the language cookie is answered `reload` (the page is loaded anew in the account's
// language, not fetched by the router) and, once its user has signed in before, is "new" and
// costs a new-sign-in mail: with a fresh jar per sign-in, every sign-in after the users ran out
// (within the first rounds of a full run at cost 12) did that work and the earlier ones did not.
const RETURNING_BROWSER: [string, string][] = [["NEXT_LOCALE", "en"]];
const KEPT_COOKIES = ["NEXT_LOCALE", "portal_device"];

class CookieJar {
  constructor(private cookies = new Map<string, string>()) {}
  take(answer: Answer) {
    for (const line of answer.headers["set-cookie"] ?? []) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  /** The long-lived cookies a browser keeps after the sign-in (not the session's). */
  kept(): Map<string, string> {
    return new Map([...this.cookies].filter(([name]) => KEPT_COOKIES.includes(name)));
  }
}

/** A form posted as the sign-in forms post it (fetch, FormData, a JSON answer). */
async function postStep(base: string, path: string, jar: CookieJar, fields: Record<string, string>): Promise<{ status: number; answer: { redirectTo?: string; reload?: boolean } }> {
  const form = multipart(fields);
  const response = await send(base + path, { method: "POST", headers: { accept: "application/json", origin: base, cookie: jar.header(), "content-type": form.type }, body: form.body });
  jar.take(response);
  return { status: response.status, answer: JSON.parse(response.body) as { redirectTo?: string; reload?: boolean } };
}

/** The router's fetch of a page it navigates to from /login (React Server Components payload, layouts it has already left out). */
async function navigate(base: string, path: string, jar: CookieJar): Promise<string> {
  const headers = { rsc: "1", "next-router-state-tree": LOGIN_TREE, "next-url": "/login", cookie: jar.header() };
  let response = await send(base + path + (rscParam ? `?_rsc=${rscParam}` : ""), { headers });
  // Next.js asks for the cache-busting parameter the router adds (a hash of these headers): learnt once.
  const learnt = response.status === 307 ? /[?&]_rsc=([^&]+)/.exec(response.headers.location ?? "")?.[1] : undefined;
  if (learnt) {
    // Several first navigations may learn it at once: each fetches again with what it learnt.
    rscParam = learnt;
    response = await send(`${base}${path}?_rsc=${rscParam}`, { headers });
  }
  return `${response.status} ${response.body}`;
}
let rscParam: string | undefined;

// The router state of /login as Chromium sends it with a soft navigation (recorded from a real page).
const LOGIN_TREE = encodeURIComponent(JSON.stringify(["", { children: ["(auth)", { children: ["login", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 16]));

/**
 * One complete sign-in; each step's latency (ms) goes to `times`. With `cpuOf`, each step's server
 * CPU (seconds, all threads) is added to `cpuBy`: only meaningful one sign-in at a time.
 */
async function signIn(base: string, user: BenchUser, times: Record<Step, number[]>, cpuOf?: () => number, cpuBy?: Record<Step, number>): Promise<void> {
  const jar = new CookieJar(new Map(user.browser));
  let t = performance.now();
  let cpu = cpuOf?.() ?? 0;
  const stepCpu = (step: Step) => {
    if (!cpuOf || !cpuBy) return;
    const now = cpuOf();
    cpuBy[step] += now - cpu;
    cpu = now;
  };
  const first = await postStep(base, "/api/sign-in/password", jar, { email: user.email, password: PASSWORD });
  // `reload` would make the browser load the page anew, not fetch it with the router as below.
  if (first.answer.redirectTo !== "/login/verify" || first.answer.reload) throw new Error(`password step: ${first.status}, no way to /login/verify: ${JSON.stringify(first.answer).slice(0, 200)}`);
  times.password.push(performance.now() - t);
  stepCpu("password");

  t = performance.now();
  const verify = await navigate(base, "/login/verify", jar);
  if (!verify.startsWith("200 ")) throw new Error(`code page: ${verify.slice(0, 200)}`);
  times.verify.push(performance.now() - t);
  stepCpu("verify");

  t = performance.now();
  const code = new TOTP({ secret: user.secret }).generate();
  const second = await postStep(base, "/api/sign-in/code", jar, { method: "totp", code });
  if (second.answer.redirectTo !== "/") throw new Error(`code step: ${second.status}, not signed in: ${JSON.stringify(second.answer).slice(0, 200)}`);
  times.code.push(performance.now() - t);
  stepCpu("code");

  // The browser loads the page anew once the session is open (components/auth/use-sign-in-step.ts).
  t = performance.now();
  const page = await send(`${base}/`, { headers: { cookie: jar.header() } });
  if (page.status !== 200 || !page.body.includes(user.email)) throw new Error(`session check: ${page.status}, not signed in as ${user.email}`);
  times.page.push(performance.now() - t);
  stepCpu("page");
  user.browser = jar.kept();
}

/**
 * Where a sign-in's server CPU goes: sign-ins one after another (nothing else running), the
 * server's CPU (all threads, from /proc in 10 ms ticks, so summed over many) read around each step.
 */
async function cpuByStep(server: ServerProcess, users: BenchUser[], cursor: { next: number }, compareSeconds: number, other?: ServerProcess) {
  const count = Number(process.env.BENCH_STEP_SIGN_INS ?? 40);
  if (!count) return;
  // With another checkout's server (BENCH_COMPARE_WITH), sign-ins alternate between the two, one at
  // a time on one database: both see the same phase of a machine whose speed drifts by a quarter
  // within minutes, so a difference of a millisecond or two per step can be read.
  const servers = other ? [server, other] : [server];
  const tally = servers.map(() => ({ times: { password: [], verify: [], code: [], page: [] } as Record<Step, number[]>, cpuBy: { password: 0, verify: 0, code: 0, page: 0 } as Record<Step, number> }));
  for (let i = 0; i < count * servers.length; i++) {
    const user = takeUser(users, cursor);
    if (!user) break;
    const which = i % servers.length;
    await signIn(servers[which]!.url, user, tally[which]!.times, () => servers[which]!.cpu(), tally[which]!.cpuBy);
  }
  const steps: Step[] = ["password", "verify", "code", "page"];
  const perSignIn = (t: (typeof tally)[number], step: Step) => (t.cpuBy[step] / t.times.page.length) * 1000;
  for (const [index, t] of tally.entries()) {
    const done = t.times.page.length;
    if (!done) return console.log("  server CPU by step: no user left whose code is unused this time step");
    const whose = other ? (index === 0 ? " (this checkout)" : ` (${process.env.BENCH_COMPARE_WITH})`) : "";
    const total = steps.reduce((sum, step) => sum + perSignIn(t, step), 0);
    console.log(`  server CPU by step${whose}, ${done} sign-ins one at a time: ${steps.map((step) => `${step} ${perSignIn(t, step).toFixed(1)} ms`).join(", ")}; ${total.toFixed(1)} ms in all (the password step's includes its compare, ${(compareSeconds * 1000).toFixed(0)} ms)`);
  }
  if (other) {
    const [mine, theirs] = tally as [(typeof tally)[number], (typeof tally)[number]];
    const difference = (step: Step) => perSignIn(mine, step) - perSignIn(theirs, step);
    const signed = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)} ms`;
    console.log(`  this checkout against the other, per sign-in: ${steps.map((step) => `${step} ${signed(difference(step))}`).join(", ")}; ${signed(steps.reduce((sum, step) => sum + difference(step), 0))} in all (an A/A run, the same checkout twice, shows the noise)`);
  }
}

// ---- a run at one concurrency -------------------------------------------------------------------

// CPU in seconds: the server's (all threads), its main threads', the local PostgreSQL's (null: SQLite, or elsewhere), this bench's.
type RunResult = { concurrency: number; signIns: number; errors: number; seconds: number; times: Record<Step | "static" | "login", number[]>; cpu: number; mainCpu: number; databaseCpu: number | null; clientCpu: number; rss: number };

/** Latency probes during a run: `url` fetched every `pauseMs` (plus its own time) until `until()`. */
async function probe(url: string, until: () => boolean, times: number[], pauseMs: number) {
  while (!until()) {
    const t = performance.now();
    try {
      await send(url);
      times.push(performance.now() - t);
    } catch {
      times.push(Infinity); // counted as the slowest answer
    }
    await sleep(pauseMs);
  }
}

async function run(server: ServerProcess, users: BenchUser[], cursor: { next: number }, concurrency: number, seconds: number, staticUrl: string): Promise<RunResult> {
  const times: RunResult["times"] = { password: [], verify: [], code: [], page: [], static: [], login: [] };
  let signIns = 0;
  let errors = 0;
  let firstError: unknown;
  const cpu0 = server.cpu();
  const main0 = server.mainThreadCpu();
  const database0 = server.databaseCpu?.() ?? 0;
  const client0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  // A server that ended, or stopped listening (next start shutting down on SIGTERM lingers a while
  // with its port closed), makes every request fail at once: the run stops rather than spin.
  let refused = false;
  const over = () => performance.now() >= deadline || refused || server.ended() !== null;
  const loop = async () => {
    while (!over()) {
      const user = takeUser(users, cursor);
      if (!user) {
        await sleep(50);
        continue;
      }
      try {
        await signIn(server.url, user, times);
        signIns++;
      } catch (error) {
        errors++;
        firstError ??= error;
        if ((error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") refused = true;
        // Each failure uses up a user for this time step: a server that refuses everything must not use up them all.
        await sleep(100);
      }
    }
  };
  await Promise.all([...Array.from({ length: concurrency }, loop), probe(staticUrl, over, times.static, 100), probe(`${server.url}/login`, over, times.login, 1000)]);
  const elapsed = (performance.now() - started) / 1000;
  const ended = server.ended() ?? (refused ? "no longer listening" : null);
  if (ended) throw new Error(`next start ended (${ended}) during the run at concurrency ${concurrency}; first error: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  if (firstError) console.log(`  first error: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  const client = process.cpuUsage(client0);
  return { concurrency, signIns, errors, seconds: elapsed, times, cpu: server.cpu() - cpu0, mainCpu: server.mainThreadCpu() - main0, databaseCpu: server.databaseCpu ? server.databaseCpu() - database0 : null, clientCpu: (client.user + client.system) / 1e6, rss: server.rss() };
}

function report(result: RunResult, compareSeconds: number, cores: number) {
  const rate = result.signIns / result.seconds;
  const ceiling = cores / compareSeconds;
  const cpuPer = result.signIns ? result.cpu / result.signIns : NaN;
  const nonHash = cpuPer - compareSeconds;
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `    ${name.padEnd(22)} p50 ${ms(percentile(sorted, 50)).padStart(8)}  p95 ${ms(percentile(sorted, 95)).padStart(8)}  p99 ${ms(percentile(sorted, 99)).padStart(8)}  (${values.length})`;
  };
  console.log(
    `  concurrency ${String(result.concurrency).padStart(2)}: ${rate.toFixed(1)} sign-ins/s (${result.signIns} in ${result.seconds.toFixed(1)} s${result.errors ? `, ${result.errors} FAILED` : ""}), ` +
      `${(100 * rate / ceiling).toFixed(0)}% of the hashing ceiling, ${(100 * rate * (compareSeconds + Math.max(nonHash, 0)) / cores).toFixed(0)}% of it with non-hash CPU counted`,
  );
  console.log(
    `    server CPU per sign-in ${(cpuPer * 1000).toFixed(0)} ms (non-hash ≈ ${(nonHash * 1000).toFixed(0)} ms; main thread ${((result.mainCpu / result.signIns) * 1000).toFixed(0)} ms), ` +
      `cores used ${(result.cpu / result.seconds).toFixed(2)}, main thread ${(100 * result.mainCpu / Math.max(result.cpu, 1e-9)).toFixed(0)}% of the CPU, RSS ${result.rss.toFixed(0)} MiB; ` +
      `this bench's own CPU ${((result.clientCpu / result.signIns) * 1000).toFixed(0)} ms per sign-in (it shares the machine)`,
  );
  if (result.databaseCpu !== null && result.signIns) {
    console.log(`    PostgreSQL's CPU per sign-in ${((result.databaseCpu / result.signIns) * 1000).toFixed(0)} ms (not in the server's above; ${(result.databaseCpu / result.seconds).toFixed(2)} cores)`);
  }
  console.log(line("password step", result.times.password));
  console.log(line("code page (router)", result.times.verify));
  console.log(line("code step", result.times.code));
  console.log(line("page (session check)", result.times.page));
  console.log(line("static file meanwhile", result.times.static));
  console.log(line("/login meanwhile", result.times.login));
}

/**
 * Compares per second (wall time) when every core compares at once, through the server's worker
 * pool (lib/hashing.ts): 4 per core, after one per core to start the threads. On a virtual machine
 * whose cores share a physical one, or on a busy host, it is below cores / one compare.
 */
async function comparesWithEveryCore(hash: string, cores: number): Promise<number> {
  const { bcryptCompare, closeHashing } = await import("@/lib/hashing");
  const batch = (n: number) => Promise.all(Array.from({ length: n }, () => bcryptCompare("y", hash)));
  await batch(cores);
  const started = performance.now();
  await batch(cores * 4);
  const rate = (cores * 4) / ((performance.now() - started) / 1000);
  await closeHashing();
  return rate;
}

/** Starts the production server on `databaseUrl` and drives sign-ins at each concurrency, `rounds` times. */
export async function loadBenchmark(options: LoadOptions) {
  ensureDependencies();
  ensurePrismaClients();
  ensureBuild();
  const cores = availableParallelism();
  const hashSample = bcrypt.hashSync("x", options.cost);
  // CPU time, not wall time: on a shared machine a compare's wall time counts other processes' work.
  // The median of nine: one compare in a few is slowed by the JIT or the collector.
  const samples = Array.from({ length: 9 }, () => {
    const before = process.cpuUsage();
    bcrypt.compareSync("y", hashSample);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  }).sort((a, b) => a - b);
  const compareSeconds = samples[4]!;
  const ceiling = cores / compareSeconds;
  const together = await comparesWithEveryCore(hashSample, cores);
  // Users enough that no code is used twice: a user signs in at most once per 30 s step.
  const count = Math.ceil(ceiling * STEP_SECONDS * 1.5);
  console.log(`\nLoad: complete sign-ins over HTTP against next start (bcrypt cost ${options.cost}, ${options.databaseUrl.split(":")[0]}, ${cores} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")})`);
  console.log(`  hashing ceiling: ${ceiling.toFixed(1)} sign-ins/s (one compare per core per second; a compare takes ${(compareSeconds * 1000).toFixed(0)} ms of CPU here)`);
  console.log(`  with every core comparing at once (the server's worker pool): ${together.toFixed(1)} compares/s, ${(100 * together / ceiling).toFixed(0)}% of that ceiling (below 100%: the cores slow each other down, and hashing alone does not reach it)`);
  const users = await createUsers(count, options.cost);
  console.log(`  ${count} enrolled users created`);
  const port = Number(process.env.BENCH_PORT ?? 3300 + Number(process.env.E2E_PORT_OFFSET ?? 0));
  const serverEnv = {
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    AUTH_URL: `http://localhost:${port}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TWO_FACTOR_ENCRYPTION_KEY: process.env.TWO_FACTOR_ENCRYPTION_KEY!,
    BCRYPT_COST: String(options.cost),
    LOG_LEVEL: "warn",
    TWO_FACTOR_REQUIRED_FROM: "2025-05-05",
  };
  const server = await ServerProcess.start(serverEnv, port);
  // BENCH_COMPARE_WITH: another checkout (its own build, the same schema) whose server the
  // one-at-a-time sign-ins alternate with, on the same database (cpuByStep).
  const compareWith = process.env.BENCH_COMPARE_WITH && resolve(process.env.BENCH_COMPARE_WITH);
  let other: ServerProcess | undefined;
  if (compareWith) {
    const otherPort = port + 1;
    spawnSync(process.execPath, ["--input-type=module", "-e", `import(${JSON.stringify(join(compareWith, "scripts/lib.mjs"))}).then((m) => m.ensureBuild())`], { cwd: compareWith, stdio: "inherit" });
    other = await ServerProcess.start({ ...serverEnv, PORT: String(otherPort), APP_URL: `http://localhost:${otherPort}`, AUTH_URL: `http://localhost:${otherPort}` }, otherPort, compareWith).catch((error: unknown) => {
      server.stop();
      throw error;
    });
    console.log(`  the server to compare with: ${compareWith}, pid ${other.child.pid}`);
  }
  const interrupted = () => {
    server.stop();
    other?.stop();
    process.exit(130);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    const loginHtml = (await send(`${server.url}/login`)).body;
    const asset = /\/_next\/static\/[^"']+\.css/.exec(loginHtml)?.[0] ?? /\/_next\/static\/[^"']+\.js/.exec(loginHtml)?.[0];
    if (!asset) throw new Error("no static file linked from /login");
    const cursor = { next: 0 };
    const atStart = server.rss();
    console.log(`  server pid ${server.child.pid}, RSS at start ${atStart.toFixed(0)} MiB; a static file: ${asset}`);
    // The server's code is compiled as it first runs: a few seconds of sign-ins, not counted, first.
    const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
    if (warmup > 0) {
      const result = await run(server, users, cursor, 8, warmup, server.url + asset);
      console.log(`  warm-up, not counted: ${result.signIns} sign-ins at concurrency 8 in ${result.seconds.toFixed(1)} s`);
      // The server compared with is warmed up alike: its sign-ins are compared one at a time at the end.
      if (other) await run(other, users, cursor, 8, warmup, other.url + asset);
    }
    const afterRounds: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      console.log(`round ${round} of ${options.rounds}`);
      for (const concurrency of options.concurrencies) report(await run(server, users, cursor, concurrency, options.seconds, server.url + asset), compareSeconds, cores);
      await sleep(2000);
      afterRounds.push(server.rss());
      console.log(`  RSS at rest after round ${round}: ${afterRounds.at(-1)!.toFixed(0)} MiB`);
    }
    await cpuByStep(server, users, cursor, compareSeconds, other);
    if (afterRounds.length > 1) {
      const growth = afterRounds.at(-1)! / afterRounds[0]! - 1;
      console.log(`  RSS after the last round is ${(100 * growth).toFixed(0)}% ${growth >= 0 ? "above" : "below"} RSS after the first (start ${atStart.toFixed(0)} MiB)`);
    }
  } finally {
    server.stop();
    other?.stop();
  }
}
