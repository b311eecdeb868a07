import { sql } from "kysely";
import type { DB } from "#db/client.js";
import { listEligibleNonVoters, lockVote } from "#db/queries/votes.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { type CloseResult, closeVote } from "./close-vote.server.js";
import { VOTE_REMINDER_HOURS, voteReminderKey } from "./vote-plan.js";

/** Round 1 is the first window, round 2 the one extended for lack of quorum: each has its own jobs. */
const roundOf = (vote: { extended: boolean }) => (vote.extended ? 2 : 1);

/**
 * Queues the reminder for each eligible member who has not voted, once the window's last 24
 * hours have begun. The key (vote, round, member) keeps the job, a retry and the sweep from
 * sending any member two reminders for one window.
 */
export async function queueVoteRemindersIfDue(ctx: UseCaseContext, voteId: string, now = new Date()): Promise<number> {
  const { trx } = ctx;
  const vote = await lockVote(trx, voteId);
  if (vote?.status !== "open") return 0;
  const closesAt = new Date(vote.closesAt);
  if (now < new Date(closesAt.getTime() - VOTE_REMINDER_HOURS * 3_600_000) || now >= closesAt) return 0;
  // A window of 24 hours or less has no room for a reminder: it would arrive with the invitation.
  if (!vote.extended && closesAt.getTime() - new Date(vote.openedAt).getTime() <= VOTE_REMINDER_HOURS * 3_600_000 + 3_600_000) return 0;
  // Nobody is chased about a candidate who has withdrawn or been declined meanwhile.
  const application = await trx.selectFrom("applications").select("stage").where("id", "=", vote.applicationId).executeTakeFirst();
  if (application?.stage !== "vote") return 0;
  let queued = 0;
  for (const member of await listEligibleNonVoters(trx, voteId)) {
    if (!member.email) continue;
    const key = `${voteReminderKey(voteId, roundOf(vote))}-${member.teamMemberId}`;
    if (await sendOnceAfterCommit(ctx, key, { kind: "vote-reminder", voteId, teamMemberId: member.teamMemberId })) queued++;
  }
  return queued;
}

/**
 * The sweep (every 15 minutes): closes votes past their deadline and sends due reminders, for
 * votes whose delayed jobs Redis lost. Closing and reminding are idempotent, so running it next
 * to the jobs is harmless.
 */
export async function sweepVotes(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; voteId: string }>`select * from votes_due(${500})`.execute(db);
  const closes: CloseResult[] = [];
  let reminded = 0;
  for (const row of rows) {
    await run(row.orgId, async (ctx) => {
      const closed = await closeVote(ctx, row.voteId, now);
      if (closed) closes.push(closed);
      else reminded += await queueVoteRemindersIfDue(ctx, row.voteId, now);
    });
  }
  return { closes, reminded };
}
