import { afterEach } from "vitest";
import { startWorker } from "#jobs/worker.js";

export { waitFor } from "./wait-for.js";

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
