import { afterAll, describe, expect, it } from "vitest";
import type { ApplicationInput } from "#app/domain/applications/application.schema.js";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";
import { action as applyAction } from "#app/routes/o.$slug.jobs.$vacancyId/route.js";
import { ownerDb } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

describe("applying for a job", () => {
  it("creates the candidate, the application at 'applied', its timeline event and the email to send", async () => {
    const org = await insertOrg();
    const input = applicationInput({ fullName: "Grace Hopper", adjustments: ["extra_time"], adjustmentsNote: "I use a screen reader" });
    const { result, after } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    expect(result.duplicate).toBe(false);
    expect(after.emailRefs).toHaveLength(1);

    const saved = await withOrg(getDb(), org.orgId, async (trx) => ({
      candidate: await trx.selectFrom("candidates").selectAll().where("email", "=", input.email).executeTakeFirst(),
      application: await trx.selectFrom("applications").selectAll().where("id", "=", result.applicationId).executeTakeFirst(),
      events: await trx.selectFrom("applicationEvents").selectAll().where("applicationId", "=", result.applicationId).execute(),
      outbox: await trx.selectFrom("outbox").selectAll().where("id", "=", after.emailRefs[0].id).executeTakeFirst(),
    }));
    expect(saved.candidate).toMatchObject({ fullName: "Grace Hopper", orgId: org.orgId });
    expect(saved.application).toMatchObject({
      stage: "applied",
      experience: "new_to_care",
      source: "college",
      rightToWork: true,
      adjustments: ["extra_time"],
      adjustmentsNote: "I use a screen reader",
      candidateId: saved.candidate?.id,
    });
    expect(saved.events).toEqual([expect.objectContaining({ fromStage: null, toStage: "applied", actorName: "Grace Hopper" })]);
    expect(saved.outbox).toMatchObject({ kind: "application-received", payload: { applicationId: result.applicationId }, sentAt: null });
  });

  it("does not create a second application for the same email and vacancy", async () => {
    const org = await insertOrg();
    const input = applicationInput();
    const first = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const again = await runInOrg(org.orgId, (ctx) =>
      applyToVacancy(ctx, org.vacancyId, { ...input, email: input.email, fullName: "Ada L." }),
    );
    expect(again).toMatchObject({ duplicate: true, applicationId: first.applicationId });
    const rows = await withOrg(getDb(), org.orgId, async (trx) => ({
      applications: await trx.selectFrom("applications").select("id").execute(),
      emails: await trx.selectFrom("outbox").select("kind").orderBy("createdAt").execute(),
    }));
    expect(rows.applications).toHaveLength(1);
    expect(rows.emails.map((e) => e.kind)).toEqual(["application-received", "application-duplicate"]);
  });

  it("cannot apply to another organisation's vacancy", async () => {
    const mine = await insertOrg();
    const theirs = await insertOrg();
    await expect(runInOrg(mine.orgId, (ctx) => applyToVacancy(ctx, theirs.vacancyId, applicationInput()))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("never changes a known candidate's name or phone: anyone can apply with anyone's email", async () => {
    const org = await insertOrg();
    const input = applicationInput({ fullName: "Grace Hopper", phone: "07700 900123" });
    const first = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const second = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("vacancies")
        .values({ teamId: org.teamId, title: "Night carer", town: "Ashdown", hours: "Nights", summary: "Nights." })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const stranger = { ...input, fullName: "Mallory", phone: "07700 900999", location: "Leeds", availability: ["nights" as const] };
    // The same vacancy again, and another one: neither touches the stored details.
    await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, stranger));
    const other = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, second.id, stranger));

    const saved = await withOrg(getDb(), org.orgId, async (trx) => ({
      candidates: await trx.selectFrom("candidates").select(["fullName", "phone"]).execute(),
      first: await trx.selectFrom("applications").selectAll().where("id", "=", first.applicationId).executeTakeFirstOrThrow(),
      other: await trx.selectFrom("applications").selectAll().where("id", "=", other.applicationId).executeTakeFirstOrThrow(),
      events: await trx.selectFrom("applicationEvents").select("actorName").where("applicationId", "=", other.applicationId).execute(),
    }));
    expect(saved.candidates).toEqual([{ fullName: "Grace Hopper", phone: "07700 900123" }]);
    expect(saved.first).toMatchObject({ location: "Bristol", availability: ["weekends"] });
    // A new application keeps its own answers, and one candidate behind both.
    expect(saved.other).toMatchObject({ location: "Leeds", availability: ["nights"], candidateId: saved.first.candidateId });
    expect(saved.events).toEqual([{ actorName: "Grace Hopper" }]);
  });
});

describe("applying again through the careers page", () => {
  const form = (input: ApplicationInput) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(input)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(key, one);
    }
    return body;
  };
  const apply = (org: { slug: string; vacancyId: string }, input: ApplicationInput, clientIp: string) =>
    applyAction({
      request: new Request(`http://localhost/o/${org.slug}/jobs/${org.vacancyId}`, { method: "POST", body: form(input) }),
      params: { slug: org.slug, vacancyId: org.vacancyId },
      context: { clientIp },
    });

  it("sends one 'already applied' email a day however often the email is used, with the same answer every time", async () => {
    const org = await insertOrg();
    const input = applicationInput({ fullName: "Grace Hopper" });
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = (await apply(org, { ...input, fullName: `Someone ${i}`, phone: `07700 90012${i}` }, `10.9.${i}.1`)) as Response;
      expect(res.status).toBe(302);
      answers.push(res.headers.get("Location") ?? "");
    }
    expect(new Set(answers)).toEqual(new Set([`/o/${org.slug}/jobs/${org.vacancyId}/applied`]));

    const saved = await withOrg(getDb(), org.orgId, async (trx) => ({
      candidate: await trx.selectFrom("candidates").select(["fullName", "phone"]).executeTakeFirstOrThrow(),
      emails: await trx.selectFrom("outbox").select("kind").orderBy("createdAt").execute(),
    }));
    expect(saved.candidate).toEqual({ fullName: "Someone 0", phone: "07700 900120" });
    expect(saved.emails.map((e) => e.kind)).toEqual(["application-received", "application-duplicate"]);
  });
});
