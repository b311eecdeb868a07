import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { drainAndClose } from "#app/utils/shutdown.server.js";

// What server.ts does on SIGTERM, with a real server and a real PostgreSQL pool.

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

function listen(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  servers.push(server);
  return new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))).then(
    (port) => ({ server, port }),
  );
}

/** A GET over a keep-alive connection, as a browser or a proxy would send it. */
function get(port: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path: "/", agent: new Agent({ keepAlive: true }) });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown of the web server", () => {
  it("finishes a request in flight, with its database, refuses new connections, then closes the pool", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { server, port } = await listen(async (_req, res) => {
      started();
      const { rows } = await pool.query("select 'answered after ' || pg_sleep(0.5)::text || 'the signal' as text");
      res.end(rows[0].text);
    });

    const slow = get(port);
    await inFlight;
    const t0 = performance.now();
    const shutdown = drainAndClose(server, 5_000, () => pool.end());
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(await slow).toEqual({ status: 200, body: "answered after the signal" });
    expect(await shutdown).toEqual({ drained: true });
    // The keep-alive connection was closed as soon as its response ended, not when it timed out.
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(pool.ending).toBe(true);
  });

  it("cuts off a request that outlives the deadline, and still closes", async () => {
    let closed = false;
    const { server, port } = await listen(() => {
      // Never answers.
    });
    const hung = get(port).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await drainAndClose(server, 300, async () => {
      closed = true;
    });
    expect(result).toEqual({ drained: false });
    expect(closed).toBe(true);
    expect(await hung).toBeInstanceOf(Error);
  });
});
