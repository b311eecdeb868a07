import { defineConfig } from "@playwright/test";

// Computed once here; Playwright loads this file again in each worker, so keep them in the
// environment (which workers and the web server inherit) rather than recomputing.
process.env.E2E_PORT ??= "3100";
process.env.E2E_MAIL_PORT ??= "3125";

const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Every test makes its own data (or only reads the seed), so tests spread over both workers.
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // The machine has two cores; the web server, the worker and PostgreSQL need some of them.
  workers: 2,
  reporter: "list",
  // Generous: the journeys are long and this machine is often busy; a hang still fails in a minute.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 1280, height: 720 },
    // Debian's Chromium: `npx playwright install` cannot download a browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
    locale: "en-GB",
    timezoneId: "Europe/London",
    // Recording a trace for every test slows the suite; a retry (on CI) records one.
    // Locally: npx playwright test --trace on
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // Creates a database for this run, migrates and seeds it, then starts web + worker + mail
    // capture (scripts/stack.ts). Expects `npm run build` to have run (npm run test:e2e does).
    command: "node --import tsx tests/support/e2e-server.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: process.env.E2E_SERVER_LOGS ? "pipe" : "ignore",
    stderr: "pipe",
    // Without this Playwright SIGKILLs the server, which then cannot drop its database.
    // SIGTERM goes to the whole process group (the script, the web server and the worker).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
