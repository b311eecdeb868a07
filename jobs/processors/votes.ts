import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { closeVote } from "#app/domain/votes/close-vote.server.js";
import { afterClose, queueVoteRemindersIfDue } from "#app/domain/votes/vote-jobs.server.js";
import type { CloseVoteJob, VoteReminderJob } from "../queues.js";

/** A vote's deadline came: close it (once, whatever else tries at the same moment). */
export async function closeVoteProcessor(job: Job<CloseVoteJob>) {
  const { orgId, voteId } = job.data;
  const result = await withOrg(getDb(), orgId, (trx) => closeVote(trx, voteId));
  if (result) await relayOutbox(getDb(), result.refs);
  await afterClose(orgId, result);
  return result ? (result.kind === "closed" ? result.outcome : "extended") : "not-due";
}

/** 24 hours before the close: remind the members who have not voted (and only them). */
export async function sendVoteReminderProcessor(job: Job<VoteReminderJob>) {
  const { orgId, voteId } = job.data;
  const refs = await withOrg(getDb(), orgId, (trx) => queueVoteRemindersIfDue(trx, voteId));
  await relayOutbox(getDb(), refs);
  return { queued: refs.length };
}
