import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { listEligibleNonVoters, lockVote } from "#db/queries/votes.js";
import { type CloseVoteJob, scheduleReminderJobs, type VoteReminderJob } from "#jobs/queues.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";
import { type CloseResult, closeVote } from "./close-vote.server.js";
import { getLogger } from "#app/utils/logger.server.js";

/** Members who have not voted are reminded this long before the close. */
export const VOTE_REMINDER_HOURS = 24;

/** Round 1 is the first window, round 2 the one extended for lack of quorum: each has its own jobs. */
const roundOf = (vote: { extended: boolean }) => (vote.extended ? 2 : 1);
export const voteCloseJobId = (voteId: string, round: number) => `vote-close-${voteId}-${round}`;
export const voteReminderKey = (voteId: string, round: number) => `vote-reminder-${voteId}-${round}`;

/** The delayed jobs for one voting window: the reminder and the close, each with a stable id. */
export function planVoteJobs(orgId: string, voteId: string, closesAt: Date, round: number) {
  return [
    {
      name: "close-vote",
      data: { orgId, voteId } satisfies CloseVoteJob,
      jobId: voteCloseJobId(voteId, round),
      dueAt: closesAt,
    },
    {
      name: "send-vote-reminder",
      data: { orgId, voteId } satisfies VoteReminderJob,
      jobId: voteReminderKey(voteId, round),
      dueAt: new Date(closesAt.getTime() - VOTE_REMINDER_HOURS * 3_600_000),
    },
  ];
}

export async function scheduleVoteJobs(orgId: string, voteId: string, closesAt: Date, round: number) {
  try {
    await scheduleReminderJobs(planVoteJobs(orgId, voteId, closesAt, round));
  } catch (error) {
    getLogger().warn({ err: error }, "vote jobs left for the sweep");
  }
}

/** After a close attempt: a window extended for lack of quorum gets its own reminder and close. */
export async function afterClose(orgId: string, result: CloseResult | null) {
  if (result?.kind === "extended") await scheduleVoteJobs(orgId, result.voteId, result.closesAt, 2);
}

/**
 * Queues the reminder for each eligible member who has not voted, once the window's last 24
 * hours have begun. The key (vote, round, member) keeps the job, a retry and the sweep from
 * sending any member two reminders for one window.
 */
export async function queueVoteRemindersIfDue(trx: Tx, voteId: string, now = new Date()): Promise<OutboxRef[]> {
  const vote = await lockVote(trx, voteId);
  if (vote?.status !== "open") return [];
  const closesAt = new Date(vote.closesAt);
  if (now < new Date(closesAt.getTime() - VOTE_REMINDER_HOURS * 3_600_000) || now >= closesAt) return [];
  // A window of 24 hours or less has no room for a reminder: it would arrive with the invitation.
  if (!vote.extended && closesAt.getTime() - new Date(vote.openedAt).getTime() <= VOTE_REMINDER_HOURS * 3_600_000 + 3_600_000) return [];
  // Nobody is chased about a candidate who has withdrawn or been declined meanwhile.
  const application = await trx.selectFrom("applications").select("stage").where("id", "=", vote.applicationId).executeTakeFirst();
  if (application?.stage !== "vote") return [];
  const refs: OutboxRef[] = [];
  for (const member of await listEligibleNonVoters(trx, voteId)) {
    if (!member.email) continue;
    const ref = await addToOutboxOnce(trx, `${voteReminderKey(voteId, roundOf(vote))}-${member.teamMemberId}`, {
      kind: "vote-reminder",
      voteId,
      teamMemberId: member.teamMemberId,
    });
    if (ref) refs.push(ref);
  }
  return refs;
}

/**
 * The sweep (every 15 minutes): closes votes past their deadline and sends due reminders, for
 * votes whose delayed jobs Redis lost. Closing and reminding are idempotent, so running it next
 * to the jobs is harmless.
 */
export async function sweepVotes(
  db: DB,
  now = new Date(),
): Promise<{ refs: OutboxRef[]; closes: { orgId: string; result: CloseResult }[] }> {
  const { rows } = await sql<{ orgId: string; voteId: string }>`select * from votes_due(${500})`.execute(db);
  const refs: OutboxRef[] = [];
  const closes: { orgId: string; result: CloseResult }[] = [];
  for (const row of rows) {
    await withOrg(db, row.orgId, async (trx) => {
      const closed = await closeVote(trx, row.voteId, now);
      if (closed) {
        refs.push(...closed.refs);
        closes.push({ orgId: row.orgId, result: closed });
      } else {
        refs.push(...(await queueVoteRemindersIfDue(trx, row.voteId, now)));
      }
    });
  }
  return { refs, closes };
}
