import { afterEach } from "vitest";
import { startWorker } from "#jobs/worker.js";

/** Polls `check` every 100 ms until it gives something truthy (which it returns), or fails naming `what`. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A real worker (queues + outbox relay) that a test can start; it is stopped after each test. */
export function workerPerTest() {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });
  return {
    async start() {
      stop = await startWorker();
    },
  };
}
