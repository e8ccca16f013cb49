// Started by Playwright (playwright.config.ts, webServer): a fresh database, a fake Resend API,
// the production build under `next start`, all with the settings this server's tests need, and
// the operators' commands on E2E_OPERATOR_PORT (see e2e/support/operator.ts): run here, in a
// process already started, rather than a new `npm run users` process for every account a test creates.
import { spawn } from "node:child_process";
import { createWriteStream, rmSync } from "node:fs";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { startFakeResend } from "@/test/support/fake-resend";
import { serverLogFile } from "./log";
import { startOperator } from "./operator";
// @ts-expect-error -- plain JavaScript shared by `npm start`, `npm test` and the bench
import { nextStartArgs } from "../../scripts/lib.mjs";

const port = process.env.E2E_PORT!;
const databaseUrl = process.env.E2E_DATABASE_URL!;
const resendPort = Number(process.env.E2E_RESEND_PORT);
const operatorPort = Number(process.env.E2E_OPERATOR_PORT);

if (/^postgres/.test(databaseUrl)) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
} else {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databaseUrl.replace(/^file:/, "") + suffix, { force: true });
}
await migrate(databaseUrl);
const resend = await startFakeResend(resendPort);

// The server's settings, which the operators' commands run here share.
const settings = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  APP_URL: `http://localhost:${port}`,
  AUTH_URL: `http://localhost:${port}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  TWO_FACTOR_ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  RESEND_API_KEY: "re_e2e_key",
  RESEND_BASE_URL: resend.url,
  BCRYPT_COST: "4",
  LOG_LEVEL: "warn",
  // The outbox retries within seconds here (production: 10 s doubling to 1 h), so outages can be tested.
  MAIL_RETRY_BASE_MS: "300",
  MAIL_RETRY_MAX_MS: "2000",
  MAIL_SEND_TIMEOUT_MS: "3000",
  MAIL_POLL_MS: "200",
};
Object.assign(process.env, settings);
const operator = await startOperator(operatorPort);

const next = spawn(process.execPath, nextStartArgs(port), { stdio: ["ignore", "pipe", "pipe"], env: process.env });
// The output goes to Playwright as before, and to a file that tests read (e2e/support/log.ts).
const log = createWriteStream(serverLogFile(port));
next.stdout!.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
next.stderr!.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
const stop = () => {
  next.kill("SIGTERM");
  void resend.close();
  operator.close();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => process.exit(code ?? 0));
