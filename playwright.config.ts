import { defineConfig } from "@playwright/test";

// scripts/test.mjs sets these; a bare `npx playwright test` gets the same defaults.
const databaseUrl = (process.env.E2E_DATABASE_URL ??= "file:/tmp/portal-e2e.db");
export const servers = {
  main: { port: 3100, resendPort: 3190, databaseUrl },
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: {
    baseURL: `http://localhost:${servers.main.port}`,
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: Object.values(servers).map((s) => ({
    command: "node --import tsx e2e/support/server.ts",
    url: `http://localhost:${s.port}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(s.port), E2E_RESEND_PORT: String(s.resendPort), E2E_DATABASE_URL: s.databaseUrl },
  })),
});
