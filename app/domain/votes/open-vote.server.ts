import { findApplicationById } from "#db/queries/applications.js";
import { listActiveMembers } from "#db/queries/teams.js";
import { findLatestVoteForApplication } from "#db/queries/votes.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { formatLondonDate, formatLondonTime } from "../workshops/london-time.js";
import { VoteError } from "./vote.errors.js";
import { planVoteJobs } from "./vote-plan.js";

/**
 * Opens the team's vote on an application at the shadow-shift stage (when the host's feedback is
 * in, or when a lead opens it). The roll is the vacancy's team's active members now; the
 * organisation's rule, quorum, window and secrecy are copied onto the vote. Each voter with an
 * email address is sent a personal voting link; the reminder and the close are delayed jobs.
 */
export async function openVote(
  ctx: UseCaseContext,
  input: { applicationId: string; actor: { userId: string | null; name: string }; now?: Date },
): Promise<{ voteId: string; closesAt: Date }> {
  const { trx } = ctx;
  const now = input.now ?? new Date();
  const application = await findApplicationById(trx, input.applicationId);
  if (!application) throw new VoteError("not_found", "We could not find that application.");
  const latest = await findLatestVoteForApplication(trx, input.applicationId);
  if (latest?.status === "open") throw new VoteError("already_open", "The team is already voting on this application.");
  if (application.stage !== "shadow") {
    throw new VoteError("wrong_stage", "A team vote opens after the shadow shift, and this application is not at that step.");
  }
  const settings = await getOrgSettings(trx);
  const closesAt = new Date(now.getTime() + settings.voteWindowHours * 3_600_000);
  await moveApplication(ctx, {
    applicationId: input.applicationId,
    to: "vote",
    step: "open-vote",
    expectedStage: "shadow",
    reason: `Team vote opened by ${input.actor.name}; it closes ${formatLondonDate(closesAt)}, ${formatLondonTime(closesAt)}.`,
    actor: input.actor,
  });
  const vote = await trx
    .insertInto("votes")
    .values({
      applicationId: input.applicationId,
      teamId: application.teamId,
      rule: settings.voteRule,
      quorum: settings.voteQuorum,
      visibility: settings.voteVisibility,
      openedAt: now,
      openedByName: input.actor.name,
      closesAt,
    })
    .returning(["id", "orgId"])
    .executeTakeFirstOrThrow();
  const members = await listActiveMembers(trx, application.teamId);
  if (members.length) {
    await trx
      .insertInto("voteVoters")
      .values(members.map((m) => ({ voteId: vote.id, teamMemberId: m.id })))
      .execute();
  }
  for (const member of members.filter((m) => m.email)) {
    await sendAfterCommit(ctx, { kind: "vote-opened", voteId: vote.id, teamMemberId: member.id });
  }
  ctx.after.addJobs(planVoteJobs(vote.orgId, vote.id, closesAt, 1));
  return { voteId: vote.id, closesAt };
}

/**
 * The host's feedback is in: the team's vote opens, if the application is still waiting at the
 * shadow-shift step with no vote under way (a corrected feedback opens nothing new).
 */
export async function openVoteAfterFeedback(ctx: UseCaseContext, applicationId: string, actor: { userId: string | null; name: string }) {
  const application = await ctx.trx.selectFrom("applications").select("stage").where("id", "=", applicationId).executeTakeFirst();
  if (application?.stage !== "shadow") return null;
  return openVote(ctx, { applicationId, actor });
}
