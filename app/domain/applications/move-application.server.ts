import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { lockApplicationById } from "#db/queries/applications.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { inviteToShadowShift } from "../shadow/shadow-invite.server.js";
import { cancelOpenVote } from "../votes/cancel-vote.server.js";
import { checkLeadMayMove } from "../votes/vote-rules.server.js";
import { ApplicationError } from "./application.errors.js";
import { checkTransition, isClosed, isStage, STAGE_LABELS, type Stage } from "./stages.js";

export type MoveInput = {
  applicationId: string;
  to: Stage;
  /** The stage the person saw when they pressed the button: refuses a move made on stale data. */
  expectedStage?: string;
  reason?: string | null;
  actor: { userId: string | null; name: string };
  /**
   * The use case whose own step this move is. The vote, the offer and the start are reached only
   * through their use cases (`checkLeadMayMove`): opening a vote moves to `vote`, a passed vote to
   * `offer`, confirming the start to `started`. Every other move, a lead's included, is checked.
   */
  step?: "open-vote" | "vote-passed" | "confirm-start";
};

const STEP_TARGET = { "open-vote": "vote", "vote-passed": "offer", "confirm-start": "started" } as const;

/**
 * The one way an application changes stage: checks the rules, updates, and writes the timeline.
 */
export async function moveApplication(ctx: UseCaseContext, input: MoveInput) {
  const { trx, after } = ctx;
  const application = await lockApplicationById(trx, input.applicationId);
  if (!application || !isStage(application.stage)) throw new ApplicationError("not_found", "We could not find that application.");
  if (!input.step || STEP_TARGET[input.step] !== input.to) await checkLeadMayMove(trx, application.id, input.to);
  if (input.expectedStage && input.expectedStage !== application.stage) {
    throw new ApplicationError("stale", "Someone else moved this application meanwhile. The page now shows where it is.");
  }
  checkTransition(application.stage, input.to, input.reason);
  if (application.stage === "offer" && isClosed(input.to)) {
    // An accepted offer is closed only through its own withdrawal, which keeps the reason category
    // and stops keeping in touch: a plain decline here would leave the offer "accepted".
    const accepted = await trx
      .selectFrom("offers")
      .select("id")
      .where("applicationId", "=", application.id)
      .where("status", "=", "accepted")
      .executeTakeFirst();
    if (accepted) {
      throw new ApplicationError(
        "offer_accepted",
        "This person has accepted the offer. To close the application, withdraw the offer in the offer section and choose the reason.",
      );
    }
  }
  await trx.updateTable("applications").set({ stage: input.to, stageChangedAt: sql`now()` }).where("id", "=", application.id).execute();
  await trx
    .insertInto("applicationEvents")
    .values({
      applicationId: application.id,
      fromStage: application.stage,
      toStage: input.to,
      actorUserId: input.actor.userId,
      actorName: input.actor.name,
      reason: input.reason?.trim() || null,
    })
    .execute();
  if (input.actor.userId) {
    await recordAudit(trx, {
      actor: input.actor,
      kind: "stage",
      action: "application.moved",
      subjectId: application.id,
      summary: `Moved an application from ${STAGE_LABELS[application.stage]} to ${STAGE_LABELS[input.to]}`,
      before: { stage: application.stage },
      after: { stage: input.to },
    });
  }
  if (input.to === "shadow") await inviteToShadowShift({ trx, after }, application.id);
  if (application.stage === "vote" && isClosed(input.to)) await cancelOpenVote(trx, application.id);
  // Declined (or withdrawn) while an offer waits for an answer: the offer is closed too.
  if (application.stage === "offer" && isClosed(input.to)) {
    await trx
      .updateTable("offers")
      .set({ status: "declined", declinedAt: sql`now()`, declineReason: input.reason?.trim() || null })
      .where("applicationId", "=", application.id)
      .where("status", "=", "offered")
      .execute();
  }
  return { from: application.stage, to: input.to };
}

/** A timeline entry that is not a stage change (a vote opening, extending or closing). */
export async function addTimelineNote(trx: Tx, applicationId: string, text: string, actor: MoveInput["actor"]) {
  const application = await trx.selectFrom("applications").select("stage").where("id", "=", applicationId).executeTakeFirstOrThrow();
  await trx
    .insertInto("applicationEvents")
    .values({
      applicationId,
      kind: "note",
      fromStage: null,
      toStage: application.stage,
      actorUserId: actor.userId,
      actorName: actor.name,
      reason: text,
    })
    .execute();
}
