import type { Tx } from "#db/client.js";
import { listBuddies } from "#db/queries/offers.js";
import { listTeams } from "#db/queries/teams.js";
import { findVacancyById } from "#db/queries/vacancies.js";
import { addTimelineNote } from "../applications/move-application.server.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { OfferError } from "./offer.errors.js";
import type { OfferInput } from "./offer.schema.js";

export type Actor = { userId: string | null; name: string };

export type OfferChoices = { teams: Record<string, string>; buddies: Record<string, string>; hours: string };

/**
 * What the lead chooses from when recording an offer: the teams, every team's active members as
 * a buddy (named with their team), and the vacancy's hours to start from.
 */
export async function offerChoices(trx: Tx, vacancyId: string): Promise<OfferChoices> {
  const [teams, buddies, vacancy] = await Promise.all([listTeams(trx), listBuddies(trx), findVacancyById(trx, vacancyId)]);
  return {
    teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    buddies: Object.fromEntries(buddies.map((m) => [m.id, `${m.name} (${m.teamName})`])),
    hours: vacancy?.hours ?? "",
  };
}

/**
 * The lead records the offer after the team's vote passed: the offer (waiting for the candidate's
 * answer), its three pre-start checks (pending), a timeline entry and the candidate's email.
 */
export async function recordOffer(ctx: UseCaseContext, args: { applicationId: string; input: OfferInput; actor: Actor }) {
  const { trx } = ctx;
  const { applicationId, input, actor } = args;
  const application = await trx
    .selectFrom("applications")
    .select(["id", "stage"])
    .where("id", "=", applicationId)
    .forUpdate()
    .executeTakeFirst();
  if (!application) throw new OfferError("not_found", "We could not find that application.");
  if (application.stage !== "offer") throw new OfferError("wrong_stage", "An offer can be made once the team's vote has passed.");
  const live = await trx
    .selectFrom("offers")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["offered", "accepted"])
    .executeTakeFirst();
  if (live) throw new OfferError("already_offered", "This candidate already has an offer. Change its start date instead.");
  const team = await trx.selectFrom("teams").select("id").where("id", "=", input.teamId).executeTakeFirst();
  if (!team) throw new OfferError("not_found", "Choose the team", "teamId");
  const buddy = await trx
    .selectFrom("teamMembers")
    .select("id")
    .where("id", "=", input.buddyMemberId)
    .where("teamId", "=", input.teamId)
    .where("leftOn", "is", null)
    .executeTakeFirst();
  if (!buddy) throw new OfferError("bad_buddy", "Choose a buddy who is a member of that team", "buddyMemberId");
  const offer = await trx
    .insertInto("offers")
    .values({
      applicationId,
      teamId: input.teamId,
      buddyMemberId: input.buddyMemberId,
      roleTitle: input.roleTitle,
      hours: input.hours,
      pay: input.pay,
      startDate: input.startDate,
      createdByName: actor.name,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("prestartChecks")
    .values((["references", "dbs", "right_to_work"] as const).map((kind) => ({ offerId: offer.id, kind })))
    .execute();
  await addTimelineNote(trx, applicationId, `Offer made: ${input.roleTitle}, starting ${input.startDate}`, actor);
  await sendAfterCommit(ctx, { kind: "offer-candidate", offerId: offer.id, variant: "made" });
  return { offerId: offer.id };
}
