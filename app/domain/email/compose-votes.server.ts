import { firstName } from "../names.js";
import type { Tx } from "#db/client.js";
import { findOwnBallot, findVoteContext, findVoter } from "#db/queries/votes.js";
import { CHOICE_LABELS, describeResult } from "../votes/decision.js";
import { createVoteLink } from "../links/vote-links.server.js";
import { formatLondonDate, formatLondonTime } from "../workshops/london-time.js";
import { findUserForEmail } from "#db/queries/users.js";
import type { ComposeContext, Composed } from "./compose.js";

/** The team-vote emails. Voters get a fresh personal link; nobody is told how anyone else voted. */
export async function composeVoteEmail(
  trx: Tx,
  kind: string,
  payload: Record<string, string>,
  ctx: ComposeContext,
): Promise<Composed | null> {
  const vote = await findVoteContext(trx, payload.voteId);
  const closesAt = new Date(vote.closesAt);
  const base = {
    orgName: ctx.orgName,
    candidateName: vote.candidateName,
    jobTitle: vote.jobTitle,
    teamName: vote.teamName,
    closes: `${formatLondonDate(closesAt)}, ${formatLondonTime(closesAt)}`,
  };
  if (kind === "vote-candidate-message") {
    const lead = vote.candidateMessage ?? "";
    return {
      to: vote.candidateEmail,
      email: {
        template: "candidate-message",
        props: {
          name: firstName(vote.candidateName),
          orgName: ctx.orgName,
          jobTitle: vote.jobTitle,
          message: lead,
          fromName: payload.fromName ?? ctx.orgName,
        },
      },
    };
  }
  if (kind === "vote-outcome" && payload.userId) {
    const lead = await findUserForEmail(trx, payload.userId);
    return {
      to: lead.email,
      email: {
        template: "vote-notice",
        props: {
          ...base,
          variant: "outcome",
          name: firstName(lead.name),
          outcome: vote.outcome && vote.result ? describeResult(vote.rule, vote.outcome, vote.result) : "",
          nextStep:
            vote.outcome === "passed"
              ? "The application has moved to the offer step."
              : vote.outcome === "not_passed"
                ? "Please write a kind message to the candidate from the application page."
                : "The team did not reach its quorum, even after the extension, so the decision is yours.",
          buttonUrl: `${ctx.appUrl}/pipeline/${vote.applicationId}`,
        },
      },
    };
  }
  const member = await trx
    .selectFrom("teamMembers")
    .select(["id", "name", "email"])
    .where("id", "=", payload.teamMemberId)
    .executeTakeFirstOrThrow();
  if (!member.email) throw new Error(`Team member ${member.id} has no email address`);
  // Checked again when the email goes out: an invitation or reminder is pointless once the vote
  // has closed, the member declared a conflict, or (a reminder) they have voted meanwhile.
  if (kind === "vote-opened" || kind === "vote-reminder") {
    const [voter, ballot] = await Promise.all([findVoter(trx, vote.id, member.id), findOwnBallot(trx, vote.id, member.id)]);
    if (vote.status !== "open" || !voter || voter.conflictReason || (kind === "vote-reminder" && ballot)) return null;
  }
  if (kind === "vote-cancelled") {
    // Neutral: the person was erased, so the email names nobody and links nowhere.
    return {
      to: member.email,
      email: {
        template: "vote-notice",
        props: { ...base, candidateName: "", name: firstName(member.name), buttonUrl: "", variant: "cancelled" },
      },
    };
  }
  const buttonUrl = await createVoteLink(trx, ctx.appUrl, vote.id, member.id);
  const props = { ...base, name: firstName(member.name), buttonUrl };
  switch (kind) {
    case "vote-opened":
      return { to: member.email, email: { template: "vote-notice", props: { ...props, variant: "opened" } } };
    case "vote-reminder":
      return { to: member.email, email: { template: "vote-notice", props: { ...props, variant: "reminder" } } };
    case "vote-recorded": {
      const ballot = await findOwnBallot(trx, vote.id, member.id);
      return {
        to: member.email,
        email: {
          template: "vote-notice",
          props: {
            ...props,
            variant: "recorded",
            recordedBy: ballot?.recordedByName ?? "Your coordinator",
            recordedChoice: ballot ? CHOICE_LABELS[ballot.choice] : "",
          },
        },
      };
    }
    case "vote-outcome":
      return {
        to: member.email,
        email: {
          template: "vote-notice",
          props: {
            ...props,
            variant: "outcome",
            outcome: vote.outcome && vote.result ? describeResult(vote.rule, vote.outcome, vote.result) : "",
            nextStep: `${firstName(vote.candidateName)} will be offered the job. Thank you for voting.`,
          },
        },
      };
    default:
      throw new Error(`Not a vote email: ${kind}`);
  }
}
