import { afterAll, describe, expect, it } from "vitest";
import { findDraftSurvey, findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { UNUSUAL_CHARACTER_MESSAGE } from "#app/utils/validation.js";
import { action as applyAction } from "#app/routes/o.$slug.jobs.$vacancyId/route.js";
import { action as editAction } from "#app/routes/settings.survey.edit.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";

// What a person sees when a form arrives with something no keyboard types, or is not a form at all.

afterAll(closeOwnerDb);

const applyFields = () => {
  const input = applicationInput();
  return { ...input, availability: "weekends", adjustments: "quiet_space" } as Record<string, string>;
};

async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw");
}

const countRows = (orgId: string) =>
  withOrg(getDb(), orgId, async (trx) => ({
    candidates: (await trx.selectFrom("candidates").select("id").execute()).length,
    applications: (await trx.selectFrom("applications").select("id").execute()).length,
    outbox: (await trx.selectFrom("outbox").select("id").execute()).length,
  }));

describe("unusual input on the apply form", () => {
  it("a NUL byte in the name is a field error beside the name, and nothing is saved", async () => {
    const org = await insertOrg();
    const before = await countRows(org.orgId);
    const fields = applyFields();
    // Sent as the raw bytes a broken client or a script would send (%00), not through FormData.
    const body = `${new URLSearchParams({ ...fields, fullName: "" }).toString().replace("fullName=", "fullName=Ada%00Lovelace")}`;
    const response = (await applyAction({
      request: new Request(`http://localhost/o/${org.slug}/jobs/${org.vacancyId}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: { slug: org.slug, vacancyId: org.vacancyId },
      context: { clientIp: "192.0.2.1" },
    })) as Response;
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.fieldErrors).toEqual({ fullName: UNUSUAL_CHARACTER_MESSAGE });
    expect(data.values.fullName).toBe("Ada\u0000Lovelace");
    expect(await countRows(org.orgId)).toEqual(before);
  });

  it("invalid UTF-8 (decoded as U+FFFD) in a note is a field error too", async () => {
    const org = await insertOrg();
    const body = new URLSearchParams({ ...applyFields(), adjustmentsNote: "" })
      .toString()
      .replace("adjustmentsNote=", "adjustmentsNote=ok%FF");
    const response = (await applyAction({
      request: new Request(`http://localhost/o/${org.slug}/jobs/${org.vacancyId}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: { slug: org.slug, vacancyId: org.vacancyId },
      context: { clientIp: "192.0.2.1" },
    })) as Response;
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ adjustmentsNote: UNUSUAL_CHARACTER_MESSAGE });
  });

  it("a JSON body is refused with 415 and a broken multipart body with 400, as pages the error boundary shows", async () => {
    const org = await insertOrg();
    const send = (body: string, type: string) =>
      thrown(
        applyAction({
          request: new Request(`http://localhost/o/${org.slug}/jobs/${org.vacancyId}`, {
            method: "POST",
            body,
            headers: { "Content-Type": type },
          }),
          params: { slug: org.slug, vacancyId: org.vacancyId },
          context: { clientIp: "192.0.2.1" },
        }),
      ) as Promise<Response>;
    const json = await send(JSON.stringify(applyFields()), "application/json");
    expect(json.status).toBe(415);
    expect(await json.text()).toBe("This page only accepts its own form. Go back, fill it in again and send it.");
    const broken = await send('--x\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nAda', "multipart/form-data; boundary=x");
    expect(broken.status).toBe(400);
    expect(await broken.text()).toBe("We could not read the form that was sent. Go back and send it again.");
  });
});

describe("unusual input in the survey editor", () => {
  it("is a field error at the wording, and the draft is not touched (its JSON would have been refused by PostgreSQL)", async () => {
    const org = await insertOrg();
    const lead = await staffCookie(org.orgId, org.leadId);
    await withOrg(getDb(), org.orgId, (trx) => findLiveSurvey(trx));
    const response = (await editAction({
      request: new Request("http://localhost/settings/survey/edit", {
        method: "POST",
        body: "intent=save&items.com1.text=I%20listen%00&values.compassion.name=Compassion",
        headers: { Cookie: lead, "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ "items.com1.text": UNUSUAL_CHARACTER_MESSAGE });
    // Through the app's role, so row-level security shows this organisation's rows only.
    expect(await withOrg(getDb(), org.orgId, (trx) => findDraftSurvey(trx))).toBeUndefined();
  });
});
