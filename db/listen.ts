import pg from "pg";

export type Listener = { close(): Promise<void>; connected(): boolean };

/**
 * A connection of its own that LISTENs on `channel` and passes each payload to `onMessage`. A lost
 * connection is logged, `onReset` is called (messages may have been missed meanwhile), and it
 * reconnects after `retryMs`, for as long as it is not closed.
 */
export function listen(
  connectionString: string,
  channel: string,
  handlers: { onMessage(payload: string): void; onReset(): void },
  retryMs = 1000,
): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  let up = false;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    up = false;
    handlers.onReset();
    if (!closed && !timer) timer = setTimeout(connect, retryMs);
  };
  async function connect() {
    timer = undefined;
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    client = c;
    c.on("error", (error: Error) => {
      console.error(`database: ${channel} listener lost its connection (${error.message}); reconnecting`);
      void c.end().catch(() => {});
      if (client === c) retry();
    });
    c.on("notification", (message) => {
      if (message.channel === channel && message.payload) handlers.onMessage(message.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (closed) return void c.end().catch(() => {});
      // Anything sent before LISTEN took effect was missed: start from nothing.
      handlers.onReset();
      up = true;
    } catch {
      void c.end().catch(() => {});
      if (client === c) retry();
    }
  }
  void connect();
  return {
    connected: () => up,
    async close() {
      closed = true;
      up = false;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
