import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { getServerEnv } from "#app/env.server.js";
import { listen } from "#db/listen.js";
import { closeOwnerDb, ownerDb } from "#tests/factories/org.js";
import { waitFor } from "#tests/support/wait-for.js";

afterAll(closeOwnerDb);

// The web processes hear about published, edited and closed vacancies on a LISTEN connection of
// their own (the public page cache). A dropped connection (PostgreSQL restarted, or the backend
// killed) must be noticed, reported as a reset (messages may have been missed), and replaced.
describe("a LISTEN connection that PostgreSQL drops", () => {
  it("is reset, reconnects by itself, and hears the next notification", async () => {
    const channel = `drill_${randomBytes(4).toString("hex")}`;
    const heard: string[] = [];
    let resets = 0;
    const listener = listen(getServerEnv().APP_DATABASE_URL, channel, { onMessage: (p) => heard.push(p), onReset: () => resets++ }, 200);
    try {
      await waitFor(async () => listener.connected(), "the listener to connect");
      const notify = (payload: string) => sql`select pg_notify(${channel}, ${payload})`.execute(ownerDb());
      await notify("before");
      await waitFor(async () => heard.includes("before"), "the first notification");
      const resetsBefore = resets;

      const killed = await sql<{ killed: boolean }>`
        select pg_terminate_backend(pid) as killed from pg_stat_activity where query ilike ${`listen%${channel}%`}`.execute(ownerDb());
      expect(killed.rows).toEqual([{ killed: true }]);
      await waitFor(async () => resets > resetsBefore, "the listener to notice it was cut off");
      await waitFor(async () => listener.connected(), "the listener to reconnect");

      await notify("after");
      await waitFor(async () => heard.includes("after"), "a notification after reconnecting");
    } finally {
      await listener.close();
    }
    expect(listener.connected()).toBe(false);
  });
});
