import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^#app\/(.*)\.js$/, replacement: `${dir("./app/")}$1` },
      { find: /^#db\/(.*)\.js$/, replacement: `${dir("./db/")}$1` },
      { find: /^#jobs\/(.*)\.js$/, replacement: `${dir("./jobs/")}$1` },
      { find: /^#emails\/(.*)\.js$/, replacement: `${dir("./emails/")}$1` },
      { find: /^#tests\/(.*)\.js$/, replacement: `${dir("./tests/")}$1` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.ts", "jobs/**/*.test.ts", "emails/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration-setup.ts"],
          // One file at a time: a worker's outbox relay sweeps every organisation's pending email,
          // so two files running workers at once could send each other's mail.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Restart and kill drills: private PostgreSQL clusters and Redis servers, the compiled web
          // server and worker as child processes (the global setup builds them).
          name: "drills",
          include: ["tests/drills/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts", "tests/setup/build-once.ts"],
          setupFiles: ["tests/setup/drills-setup.ts"],
          // One at a time: each drill starts processes and servers, and the machine has 2 cores.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
