import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";
import { type AppProcess, startApp } from "#tests/support/app-process.js";

// The render cache for anonymous careers and vacancy pages, across web processes: two compiled
// web servers (what production runs) on one database. Changes are made with the app's own role,
// as a use case would, straight to the rows (no vacancy editing page exists yet): the version the
// cache keys on is bumped by triggers, so no code path has to remember to.

const PORTS = [3351, 3352];
const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);
const apps: AppProcess[] = [];
let org: Awaited<ReturnType<typeof insertOrg>>;

beforeAll(async () => {
  // As `npm run build` from a shell: vitest's NODE_ENV=test would make Remix emit development JSX.
  execFileSync("npm", ["run", "build"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  org = await insertOrg("Cache Care");
  for (const [i, port] of PORTS.entries()) {
    apps.push(
      startApp("web", {
        NODE_ENV: "production",
        PORT: String(port),
        APP_URL: bases[i],
        DATABASE_URL: process.env.DATABASE_URL as string,
        QUEUE_PREFIX: process.env.QUEUE_PREFIX as string,
      }),
    );
  }
  await Promise.all(apps.map((app) => app.waitFor(/web: listening/)));
}, 240_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.kill()));
  await closeOwnerDb();
});

const get = (base: number, path: string, headers: Record<string, string> = {}) => fetch(`${bases[base]}${path}`, { headers });
const careers = () => `/o/${org.slug}/jobs`;
const vacancy = () => `/o/${org.slug}/jobs/${org.vacancyId}`;

/** Gets the page twice on `base`, so the second answer comes from that process's cache. */
async function warm(base: number, path: string) {
  await get(base, path);
  const res = await get(base, path);
  expect(res.headers.get("X-Page-Cache")).toBe("hit");
  return res.text();
}

/** The nonce in the CSP header, and every nonce the page's own tags carry. */
async function nonces(res: Response) {
  const header = /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy") ?? "")?.[1];
  const inPage = [...(await res.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  return { header, inPage };
}

/**
 * The page `base` serves for `path` once a change has reached it: at once, or within a second (the
 * change is pushed to every process with NOTIFY at commit, and a version older than a second is
 * read again), which is the promise the cache makes.
 */
async function pageAfterChange(base: number, path: string, shows: (page: string) => boolean, headers: Record<string, string> = {}) {
  let page = "";
  let status = 0;
  await expect
    .poll(
      async () => {
        const res = await get(base, path, headers);
        status = res.status;
        page = res.status === 200 ? await res.text() : "";
        return shows(page);
      },
      { timeout: 1_000, interval: 50 },
    )
    .toBe(true);
  return { page, status };
}

const edit = (values: { title?: string; status?: "open" | "closed"; summary?: string }) =>
  withOrg(getDb(), org.orgId, (trx) => trx.updateTable("vacancies").set(values).where("id", "=", org.vacancyId).execute());

describe("the public page cache", () => {
  it("shows a published, edited or closed vacancy on the next anonymous page served by another process", async () => {
    expect(await warm(1, careers())).toContain("Care worker");
    expect(await warm(1, vacancy())).toContain("Apply for this job");

    // Published: a new vacancy, added on process A's side of things (the database).
    await withOrg(getDb(), org.orgId, (trx) =>
      trx
        .insertInto("vacancies")
        .values({ teamId: org.teamId, title: "Night carer", town: "Ashdown", hours: "Nights", summary: "Nights at home." })
        .execute(),
    );
    await pageAfterChange(1, careers(), (p) => p.includes("Night carer"));

    // Edited.
    await warm(1, vacancy());
    await edit({ title: "Senior care worker" });
    await pageAfterChange(1, vacancy(), (p) => p.includes("Senior care worker"));
    await pageAfterChange(1, careers(), (p) => p.includes("Senior care worker"));

    // Closed: the vacancy page stops taking applications and the careers page drops it.
    await warm(1, vacancy());
    await warm(1, careers());
    await edit({ status: "closed" });
    const { page: closedPage } = await pageAfterChange(1, vacancy(), (p) => p.includes("This job has closed."));
    expect(closedPage).not.toContain("Apply for this job");
    await pageAfterChange(1, careers(), (p) => p.includes("</html>") && !p.includes("Senior care worker"));

    // A team renamed shows too (the pages name the team).
    await edit({ status: "open" });
    await warm(1, careers());
    await withOrg(getDb(), org.orgId, (trx) => trx.updateTable("teams").set({ name: "Bramble" }).where("id", "=", org.teamId).execute());
    await pageAfterChange(1, careers(), (p) => p.includes("Bramble"));
  });

  it("never answers a signed-in person from the cache, nor stores their page", async () => {
    await warm(0, careers());
    const cookie = await staffCookie(org.orgId, org.leadId);
    const signedIn = await get(0, careers(), { Cookie: cookie });
    expect(signedIn.headers.get("X-Page-Cache")).toBeNull();
    expect(signedIn.headers.get("Cache-Control")).toBe("no-store");
    const page = await signedIn.text();
    expect(page).toContain("Sign out");
    expect(page).toContain("Lee Lead");

    // The anonymous page after it is still the anonymous one, from the cache.
    const anonymous = await get(0, careers());
    expect(anonymous.headers.get("X-Page-Cache")).toBe("hit");
    const body = await anonymous.text();
    expect(body).not.toContain("Sign out");
    expect(body).not.toContain("Lee Lead");
    expect(body).toContain("Staff sign in");
  });

  it("gives every cached page its own nonce, no cookie, and a 304 to a browser that has it", async () => {
    await warm(0, vacancy());
    const first = await get(0, vacancy());
    const second = await get(0, vacancy());
    for (const res of [first, second]) {
      expect(res.headers.get("X-Page-Cache")).toBe("hit");
      expect(res.headers.get("Set-Cookie")).toBeNull();
      expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
    }
    const [a, b] = [await nonces(first), await nonces(second)];
    expect(a.header).toBeTruthy();
    expect(a.header).not.toBe(b.header);
    expect(a.inPage.length).toBeGreaterThan(0);
    expect(new Set(a.inPage)).toEqual(new Set([a.header]));
    expect(new Set(b.inPage)).toEqual(new Set([b.header]));

    const etag = first.headers.get("ETag") as string;
    expect(etag).toBeTruthy();
    const again = await get(0, vacancy(), { "If-None-Match": etag });
    expect(again.status).toBe(304);
    // The browser keeps the policy that matches the nonce in the copy it has.
    expect(again.headers.get("Content-Security-Policy")).toBeNull();
    await edit({ summary: "Caring for people at home, days and evenings." });
    const changed = await pageAfterChange(0, vacancy(), (p) => p.includes("days and evenings"), { "If-None-Match": etag });
    expect(changed.status).toBe(200);
  });

  it("sends anything else to Remix unstored: a 404, a query string, an unknown organisation", async () => {
    const missing = `/o/${org.slug}/jobs/00000000-0000-4000-8000-000000000000`;
    for (let i = 0; i < 2; i++) {
      const res = await get(0, missing);
      expect(res.status).toBe(404);
      expect(res.headers.get("X-Page-Cache")).toBeNull();
    }
    const data = await get(0, `${careers()}?_data=routes%2Fo.%24slug.jobs._index`);
    expect(data.headers.get("X-Page-Cache")).toBeNull();
    expect((await get(0, "/o/no-such-org/jobs")).status).toBe(404);
  });
});
