import { defineConfig } from "@playwright/test";

// scripts/test.mjs sets these; a bare `npx playwright test` gets the same defaults.
const databaseUrl = (process.env.E2E_DATABASE_URL ??= "file:/tmp/portal-e2e.db");
const day = 86_400_000;
// Whole days from the start of today (UTC), so every process computes the same date.
const inDays = (n: number) => new Date(Math.floor(Date.now() / day) * day + n * day).toISOString().slice(0, 10);
// Each server: Next on `port`, its fake Resend on `resendPort`, the operators' commands on
// `operatorPort` (e2e/support/server.ts). E2E_PORT_OFFSET moves every port, so two checkouts can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const withSuffix = (url: string, suffix: string) => url.replace(/(\.db)?$/, (ext) => `_${suffix}${ext}`);

export type Server = { port: number; resendPort: number; operatorPort: number; databaseUrl: string; requiredFrom: string; graceDays?: number; rollout?: Record<string, string> };
export const servers = {
  /** 2FA becomes mandatory in 40 days: optional for now, with the banner. */
  main: { port: 3100 + offset, resendPort: 3190 + offset, operatorPort: 3180 + offset, databaseUrl, requiredFrom: inDays(40) },
  /** The date is past (the seeds' 5 May 2025): users without 2FA are sent to the wizard. */
  past: { port: 3200 + offset, resendPort: 3290 + offset, operatorPort: 3280 + offset, databaseUrl: withSuffix(databaseUrl, "past"), requiredFrom: "2025-05-05" },
  /** The date was two days ago, with a grace period of a week: "Remind me later" is offered. */
  grace: { port: 3300 + offset, resendPort: 3390 + offset, operatorPort: 3380 + offset, databaseUrl: withSuffix(databaseUrl, "grace"), requiredFrom: inDays(-2), graceDays: 7 },
  /** Issue 12's rollout, as the settings' defaults have it: Brussels time, a week for new accounts; 2 snoozes. */
  policy: {
    port: 3400 + offset,
    resendPort: 3490 + offset,
    operatorPort: 3480 + offset,
    databaseUrl: withSuffix(databaseUrl, "policy"),
    requiredFrom: inDays(-2),
    graceDays: 7,
    rollout: { TWO_FACTOR_TIME_ZONE: "Europe/Brussels", TWO_FACTOR_NEW_ACCOUNT_DAYS: "7", TWO_FACTOR_SNOOZE_LIMIT: "2" },
  },
} satisfies Record<string, Server>;

export default defineConfig({
  testDir: "e2e",
  // A test that hangs fails after this; journeys with several sign-ins take 30-60 s on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: {
    baseURL: `http://localhost:${servers.main.port}`,
    locale: "en-GB",
    // The browser's zone is UTC whatever the machine's (pages name times in the reader's zone);
    // tests about other zones set their own.
    timezoneId: "UTC",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: Object.values(servers as Record<string, Server>).map((s) => ({
    command: "node --import tsx e2e/support/server.ts",
    url: `http://localhost:${s.port}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(s.port), E2E_RESEND_PORT: String(s.resendPort), E2E_OPERATOR_PORT: String(s.operatorPort), E2E_DATABASE_URL: s.databaseUrl, TWO_FACTOR_REQUIRED_FROM: s.requiredFrom, TWO_FACTOR_GRACE_DAYS: String(s.graceDays ?? 0),
      // The other servers keep the rollout of before issue 12: UTC, and no window for new accounts.
      ...(s.rollout ?? { TWO_FACTOR_TIME_ZONE: "UTC", TWO_FACTOR_NEW_ACCOUNT_DAYS: "0" }),
    },
  })),
});
