import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { syncTouchpoints } from "#app/domain/offers/keep-in-touch.server.js";
import { action, loader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as offersLoader } from "#app/routes/offers._index.js";
import { loader as homeLoader } from "#app/routes/home.js";
import { withOrg } from "#db/tenant.js";
import { insertOffer } from "#tests/factories/offer.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { caught } from "#tests/support/caught.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

type Page = Awaited<ReturnType<typeof loader>>;

/** An accepted offer (8 days ago, start in 21 days) with its plan, and a buddy who signs in as a team member. */
async function plannedOffer() {
  const org = await insertOrg();
  const offer = await insertOffer(org, { status: "accepted", acceptedDaysAgo: 8, startInDays: 21 });
  await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
  const buddyUserId = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ email: `bea.${randomBytes(4).toString("hex")}@example.com`, name: "Bea Buddy", role: "member", passwordHash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const offerRow = await trx.selectFrom("offers").select("buddyMemberId").where("id", "=", offer.offerId).executeTakeFirstOrThrow();
    await trx
      .updateTable("teamMembers")
      .set({ userId: user.id })
      .where("id", "=", offerRow.buddyMemberId as string)
      .execute();
    return user.id;
  });
  return { org, ...offer, buddy: await staffCookie(org.orgId, buddyUserId), lead: await staffCookie(org.orgId, org.leadId) };
}

const page = async (applicationId: string, cookie: string) =>
  (await loader({
    request: new Request(`http://localhost/pipeline/${applicationId}`, { headers: { Cookie: cookie } }),
    params: { applicationId },
    context: {},
  })) as Page;

const markDone = (applicationId: string, cookie: string, touchpointId: string, note: string) =>
  action({
    request: new Request(`http://localhost/pipeline/${applicationId}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "offer-buddy-call", touchpointId, note }).toString(),
    }),
    params: { applicationId },
    context: {},
  }) as Promise<Response>;

describe("the keep-in-touch plan on the application page", () => {
  it("lists every contact with what it is and where it has got to; the buddy marks their call done, once, and may change the note", async () => {
    const s = await plannedOffer();
    const before = await page(s.applicationId, s.lead);
    const plan = before.offer.plan;
    expect(plan.map((t) => t.what)).toEqual([
      "Week 1 email",
      "Buddy call, week 1",
      "Week 2 email",
      "Buddy call, week 2",
      "Week 3 email",
      "Buddy call, week 3",
      "Week 4 email",
      "Buddy call, week 4",
    ]);
    const firstCall = plan[1];
    expect(firstCall).toMatchObject({ state: "to_do", markable: true });
    expect(plan[3]).toMatchObject({ state: "planned", markable: false });

    const offersPage = async () =>
      (
        await offersLoader({ request: new Request("http://localhost/offers", { headers: { Cookie: s.lead } }), params: {}, context: {} })
      ).offers.find((o) => o.applicationId === s.applicationId);
    expect(await offersPage()).toMatchObject({ nextContact: { what: "Week 2 email" }, overdueCalls: 0 });
    // A week later the first call, still not marked, is overdue on the offers page.
    await withOrg(ownerDb(), s.org.orgId, (trx) =>
      trx
        .updateTable("touchpoints")
        .set({ dueAt: new Date(Date.now() - 8 * 86_400_000) })
        .where("id", "=", firstCall.id)
        .execute(),
    );
    expect(await offersPage()).toMatchObject({ overdueCalls: 1 });

    // The buddy's home page says who to ring, and links to the page where they mark it done.
    const buddyHome = async () =>
      (await homeLoader({ request: new Request("http://localhost/home", { headers: { Cookie: s.buddy } }), params: {}, context: {} }))
        .callsToMake;
    expect(await buddyHome()).toMatchObject([{ id: firstCall.id, applicationId: s.applicationId, week: 1, personName: "Sophie Lane" }]);
    expect(
      (await homeLoader({ request: new Request("http://localhost/home", { headers: { Cookie: s.lead } }), params: {}, context: {} }))
        .callsToMake,
    ).toEqual([]);

    expect((await markDone(s.applicationId, s.buddy, firstCall.id, "Nervous about the driving; I will ride along first")).status).toBe(302);
    expect(await buddyHome()).toEqual([]);
    expect(await offersPage()).toMatchObject({ overdueCalls: 0 });
    const after = await page(s.applicationId, s.buddy);
    expect(after.offer.plan.find((t) => t.id === firstCall.id)).toMatchObject({
      state: "done",
      text: "Done",
      note: "Nervous about the driving; I will ride along first",
    });
    const doneAt = () =>
      withOrg(ownerDb(), s.org.orgId, (trx) =>
        trx.selectFrom("touchpoints").select("doneAt").where("id", "=", firstCall.id).executeTakeFirstOrThrow(),
      );
    const first = (await doneAt()).doneAt;
    await markDone(s.applicationId, s.lead, firstCall.id, "Rode along on Tuesday");
    expect((await doneAt()).doneAt).toEqual(first);
    expect((await page(s.applicationId, s.lead)).offer.plan.find((t) => t.id === firstCall.id)?.note).toBe("Rode along on Tuesday");
  });

  it("another member of staff who is not the buddy cannot mark it; another organisation's lead gets 404", async () => {
    const s = await plannedOffer();
    const callId = (await page(s.applicationId, s.lead)).offer.plan[1].id;
    const otherUserId = await withOrg(ownerDb(), s.org.orgId, async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({ email: `cy.${randomBytes(4).toString("hex")}@example.com`, name: "Cy Colleague", role: "member", passwordHash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("teamMembers")
        .values({ teamId: s.org.teamId, userId: user.id, name: "Cy Colleague", experience: "experienced", joinedOn: "2024-01-01" })
        .execute();
      return user.id;
    });
    const otherMember = await staffCookie(s.org.orgId, otherUserId);
    const refused = await markDone(s.applicationId, otherMember, callId, "Not mine");
    expect(refused.status).toBe(403);
    expect((await refused.json()).fieldErrors).toEqual({ form: "Only their buddy or a lead can mark this call as done." });

    const riverside = await insertOrg("Riverside");
    const theirLead = await staffCookie(riverside.orgId, riverside.leadId);
    expect(((await caught(page(s.applicationId, theirLead))) as Response).status).toBe(404);
    const crossOrg = await markDone(s.applicationId, theirLead, callId, "Not ours");
    expect(crossOrg.status).toBe(404);
    const row = await withOrg(ownerDb(), s.org.orgId, (trx) =>
      trx.selectFrom("touchpoints").select(["doneAt", "note"]).where("id", "=", callId).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ doneAt: null, note: "" });
  });
});
