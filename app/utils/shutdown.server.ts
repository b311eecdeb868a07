import type { Server } from "node:http";

/**
 * Graceful stop for the web server (SIGTERM from a deploy or a scale-down): stop accepting
 * connections, let the requests in flight finish, then `close` (the pool, the queues), so a
 * request never loses its database half-way. After `timeoutMs` the remaining connections are cut:
 * an orchestrator kills the process soon after anyway, and a hung request must not hold a deploy.
 */
export async function drainAndClose(server: Server, timeoutMs: number, close: () => Promise<unknown>) {
  const drained = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    // A keep-alive connection whose response has just finished goes idle but stays open, which
    // would hold server.close() until the client hangs up: close idle ones as they appear.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      resolve(true);
    });
    server.closeIdleConnections();
  });
  await close();
  return { drained };
}
