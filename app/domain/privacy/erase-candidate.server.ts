import { sql } from "kysely";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { allIds, gatherPersonIds, PERSONAL_DATA, type PersonIds } from "./personal-data.server.js";
import { PrivacyError } from "./privacy.errors.js";
import { ENDED_STAGES } from "../applications/stages.js";

export type ErasureWhy = "candidate" | "lead" | "retention";

export type EraseInput = {
  candidateId: string;
  why: ErasureWhy;
  /** Staff's reason (a request received by email, say); the candidate's own request needs none. */
  reason?: string | null;
  actor: { userId: string | null; name: string };
  /** Required when the person has accepted an offer or has a start date: staff confirmed they meant it. */
  confirmedOffer?: boolean;
};

/** What erasing someone will do, for the confirmation page. */
export async function erasurePreview(ctx: Pick<UseCaseContext, "trx">, candidateId: string) {
  const candidate = await ctx.trx.selectFrom("candidates").select(["id", "erasedAt"]).where("id", "=", candidateId).executeTakeFirst();
  if (!candidate) throw new PrivacyError("not_found", "We could not find that person.");
  const ids = await gatherPersonIds(ctx.trx, candidateId);
  return { alreadyErased: candidate.erasedAt !== null, applications: ids.applicationIds.length, ...(await whatErasureStops(ctx.trx, ids)) };
}

/** The accepted offer (and its start date) and the open votes that erasing these ids would end. */
async function whatErasureStops(trx: UseCaseContext["trx"], ids: PersonIds) {
  const acceptedOffer = ids.offerIds.length
    ? await trx.selectFrom("offers").select("startDate").where("id", "in", ids.offerIds).where("status", "=", "accepted").executeTakeFirst()
    : undefined;
  const openVotes = ids.voteIds.length
    ? Number(
        (
          await trx
            .selectFrom("votes")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("id", "in", ids.voteIds)
            .where("status", "=", "open")
            .executeTakeFirstOrThrow()
        ).n,
      )
    : 0;
  return { hasAcceptedOffer: acceptedOffer !== undefined, startDate: acceptedOffer?.startDate ?? null, openVotes };
}

/**
 * Erases one candidate's personal data and keeps the anonymous facts the figures are counted from
 * (personal-data.server.ts says what happens to each table). Safe to run twice.
 */
export async function eraseCandidate(ctx: UseCaseContext, input: EraseInput) {
  const { trx, after } = ctx;
  const candidate = await trx
    .selectFrom("candidates")
    .select(["id", "erasedAt"])
    .where("id", "=", input.candidateId)
    .forUpdate()
    .executeTakeFirst();
  if (!candidate) throw new PrivacyError("not_found", "We could not find that person.");
  if (candidate.erasedAt) return { erased: false as const };
  const ids = await gatherPersonIds(trx, input.candidateId);
  if (input.why === "lead" && (await whatErasureStops(trx, ids)).hasAcceptedOffer && !input.confirmedOffer) {
    throw new PrivacyError(
      "needs_confirmation",
      "This person has accepted a job offer. Tick the box to confirm you want to erase them: their offer is withdrawn and keeping in touch stops.",
      "confirmOffer",
    );
  }
  // The figures first: freeze the facts while every source is still there.
  if (ids.applicationIds.length) await sql`select freeze_application_facts(${ids.applicationIds}::uuid[])`.execute(trx);
  const outboxIds = (
    await trx
      .selectFrom("outbox")
      .select("id")
      .where(sql<boolean>`exists (select 1 from jsonb_each_text(payload) kv where kv.value = any(${allIds(ids)}::text[]))`)
      .execute()
  ).map((r) => r.id);
  // Who was asked to vote on them while a vote is open: told neutrally once it is cancelled.
  const voters = ids.voteIds.length
    ? await trx
        .selectFrom("voteVoters")
        .innerJoin("votes", "votes.id", "voteVoters.voteId")
        .select(["voteVoters.voteId", "voteVoters.teamMemberId"])
        .where("votes.id", "in", ids.voteIds)
        .where("votes.status", "=", "open")
        .where("voteVoters.conflictReason", "is", null)
        .execute()
    : [];
  await closeOpenApplications(ctx, ids.applicationIds, input.actor);
  for (const coverage of Object.values(PERSONAL_DATA)) {
    if ("run" in coverage.erase) await coverage.erase.run(trx, ids);
  }
  after.removeJobsAbout([...allIds(ids), ...outboxIds]);
  for (const voter of voters)
    await sendAfterCommit(ctx, { kind: "vote-cancelled", voteId: voter.voteId, teamMemberId: voter.teamMemberId });
  await recordAudit(trx, {
    actor: input.actor,
    kind: "candidate",
    action: "candidate.erased",
    subjectId: input.candidateId,
    summary:
      input.why === "retention"
        ? "Erased a candidate's personal data (retention period over)"
        : input.why === "candidate"
          ? "Erased a candidate's personal data (their own request)"
          : "Erased a candidate's personal data (on request)",
    after: input.reason?.trim() ? { reason: input.reason.trim() } : null,
  });
  return { erased: true as const, applications: ids.applicationIds.length };
}

/**
 * Nothing can carry on without the person: applications still open are withdrawn, and an offer
 * waiting or accepted is withdrawn with it (so no reminder or keep-in-touch follows). The facts
 * were frozen first, so the figures count them as they stood.
 */
async function closeOpenApplications(ctx: UseCaseContext, applicationIds: string[], actor: EraseInput["actor"]) {
  if (applicationIds.length === 0) return;
  const open = await ctx.trx
    .updateTable("applications")
    .set({ stage: "withdrawn", stageChangedAt: sql`now()` })
    .where("id", "in", applicationIds)
    .where("stage", "not in", ENDED_STAGES)
    .returning(["id"])
    .execute();
  if (open.length === 0) return;
  await ctx.trx
    .insertInto("applicationEvents")
    .values(
      open.map((a) => ({
        applicationId: a.id,
        fromStage: null,
        toStage: "withdrawn",
        actorUserId: actor.userId,
        actorName: actor.name,
        reason: null,
      })),
    )
    .execute();
  await ctx.trx
    .updateTable("offers")
    .set({ status: "withdrawn", withdrawnAt: sql`now()`, withdrawalReason: "other" })
    .where(
      "applicationId",
      "in",
      open.map((a) => a.id),
    )
    .where("status", "in", ["offered", "accepted"])
    .execute();
}
