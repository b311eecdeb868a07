import { afterAll, describe, expect, it } from "vitest";
import { action as libraryAction, loader as libraryLoader } from "#app/routes/workshops.exercises.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

const post = (cookie: string, fields: Record<string, string>) =>
  new Request("http://localhost/workshops/exercises", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) });

describe("the scenario library", () => {
  it("lets a lead add an exercise with a rubric, names what is missing, and keeps it to their organisation", async () => {
    const oakfield = await insertOrg();
    const riverside = await insertOrg();
    const lead = await staffCookie(oakfield.orgId, oakfield.leadId);

    const missing = (await libraryAction({ request: post(lead, { title: "Lost keys", brief: "" }), params: {}, context: {} })) as Response;
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      fieldErrors: {
        brief: "Write the brief the candidates get",
        value: "Choose the value it shows",
        level4: "Describe what a 4 looks like",
      },
      values: { title: "Lost keys" },
    });

    const fields = {
      title: "Lost keys",
      brief: "Mrs Okoye has lost her door keys and is upset. What do you do?",
      criterion: "Stays calm and kind",
      value: "compassion",
      level1: "Rushes her",
      level2: "Helps, but hurried",
      level3: "Calm and patient",
      level4: "Calm, patient, and finds out what matters to her",
    };
    const added = (await libraryAction({ request: post(lead, fields), params: {}, context: {} })) as Response;
    expect(added.headers.get("Location")).toBe("/workshops/exercises?added=1");
    const again = (await libraryAction({ request: post(lead, fields), params: {}, context: {} })) as Response;
    expect(await again.json()).toMatchObject({ fieldErrors: { title: "There is already an exercise with this title" } });

    const page = await libraryLoader({
      request: new Request("http://localhost/workshops/exercises", { headers: { Cookie: lead } }),
      params: {},
      context: {},
    });
    expect(page.exercises.map((e) => e.title)).toEqual(["Lost keys"]);
    expect(page.exercises[0].rubric).toEqual([
      {
        key: "c1",
        criterion: "Stays calm and kind",
        value: "compassion",
        levels: {
          "1": "Rushes her",
          "2": "Helps, but hurried",
          "3": "Calm and patient",
          "4": "Calm, patient, and finds out what matters to her",
        },
      },
    ]);
    const theirs = await libraryLoader({
      request: new Request("http://localhost/workshops/exercises", {
        headers: { Cookie: await staffCookie(riverside.orgId, riverside.leadId) },
      }),
      params: {},
      context: {},
    });
    expect(theirs.exercises).toEqual([]);
  });
});
