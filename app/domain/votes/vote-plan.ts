import type { DelayedJob } from "../after-commit.js";

/** Members who have not voted are reminded this long before the close. */
export const VOTE_REMINDER_HOURS = 24;

/** Round 1 is the first window, round 2 the one extended for lack of quorum: each has its own jobs. */
export const voteCloseJobId = (voteId: string, round: number) => `vote-close-${voteId}-${round}`;
export const voteReminderKey = (voteId: string, round: number) => `vote-reminder-${voteId}-${round}`;

/** The delayed jobs for one voting window: the reminder and the close, each with a stable id. */
export function planVoteJobs(orgId: string, voteId: string, closesAt: Date, round: number): DelayedJob[] {
  return [
    { name: "close-vote", data: { orgId, voteId }, jobId: voteCloseJobId(voteId, round), dueAt: closesAt },
    {
      name: "send-vote-reminder",
      data: { orgId, voteId },
      jobId: voteReminderKey(voteId, round),
      dueAt: new Date(closesAt.getTime() - VOTE_REMINDER_HOURS * 3_600_000),
    },
  ];
}
