import type { Job } from "bullmq";
import { closeVote } from "#app/domain/votes/close-vote.server.js";
import { queueVoteRemindersIfDue } from "#app/domain/votes/vote-jobs.server.js";
import type { CloseVoteJob, VoteReminderJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A vote's deadline came: close it (once, whatever else tries at the same moment). */
export async function closeVoteProcessor(job: Job<CloseVoteJob>) {
  const { orgId, voteId } = job.data;
  const result = await runInOrg(orgId, (ctx) => closeVote(ctx, voteId));
  return result ? (result.kind === "closed" ? result.outcome : "extended") : "not-due";
}

/** 24 hours before the close: remind the members who have not voted (and only them). */
export async function sendVoteReminderProcessor(job: Job<VoteReminderJob>) {
  const { orgId, voteId } = job.data;
  return { queued: await runInOrg(orgId, (ctx) => queueVoteRemindersIfDue(ctx, voteId)) };
}
