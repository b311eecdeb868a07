import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";

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
});
