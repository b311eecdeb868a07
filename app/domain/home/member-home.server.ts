import type { Tx } from "#db/client.js";
import { listActiveMemberIdsOfUser, listShiftsHostedBy } from "#db/queries/shadow.js";
import { findRollPlace, listOpenVotesForMembers } from "#db/queries/votes.js";
import { listBuddyCallsDueFor } from "#db/queries/touchpoints.js";
import { createVoteLink } from "../links/vote-links.server.js";
import { firstName } from "../names.js";
import { VoteError } from "../votes/vote.errors.js";
import { formatLondonDate, formatLondonSlot, formatLondonTime } from "../workshops/london-time.js";

const SHIFT_STATUS = { open: "Open: no candidate yet", proposed: "Waiting for the candidate to accept", confirmed: "Confirmed" } as const;

/**
 * What is a signed-in team member's to do, and only theirs: open votes they are on the roll of
 * (and have not stepped out of), buddy calls due to a new colleague, shadow shifts they host that
 * are still to come, and shifts that have started without their feedback. Found through the user's own team-member rows, so a
 * colleague's vote or shift never appears. Candidates are named by first name on shifts, as the
 * shadow emails do; a vote names them in full, as the vote page does.
 */
export async function loadMemberHome(trx: Tx, userId: string, now = new Date()) {
  const memberIds = await listActiveMemberIdsOfUser(trx, userId);
  const [votes, shifts, calls] = await Promise.all([
    listOpenVotesForMembers(trx, memberIds),
    listShiftsHostedBy(trx, memberIds, new Date(0)),
    listBuddyCallsDueFor(trx, memberIds, now),
  ]);
  const started = (s: { startsAt: Date | string }) => new Date(s.startsAt).getTime() <= now.getTime();
  return {
    isMember: memberIds.length > 0,
    votes: votes.map((v) => ({
      voteId: v.id,
      candidateName: v.candidateName,
      teamName: v.teamName,
      closes: `${formatLondonDate(v.closesAt)}, ${formatLondonTime(v.closesAt)}`,
      voted: Boolean(v.castAt),
    })),
    upcomingShifts: shifts
      .filter((s) => !started(s))
      .map((s) => ({
        id: s.id,
        when: formatLondonSlot(s.startsAt, s.endsAt),
        teamName: s.teamName,
        candidateFirstName: s.candidateName ? firstName(s.candidateName) : null,
        status: SHIFT_STATUS[s.status as keyof typeof SHIFT_STATUS],
        meetingPoint: s.meetingPoint,
      })),
    // As their buddy: the weekly calls to a new colleague before they start, due and not marked done.
    callsToMake: calls.map((c) => ({
      id: c.id,
      applicationId: c.applicationId,
      week: c.seq,
      personName: c.fullName,
      phone: c.phone,
      due: formatLondonDate(c.dueAt),
    })),
    feedbackOwed: shifts
      .filter((s) => started(s) && s.status === "confirmed" && s.candidateName && !s.feedbackAt)
      .map((s) => ({ id: s.id, when: formatLondonSlot(s.startsAt, s.endsAt), candidateFirstName: firstName(s.candidateName ?? "") })),
  };
}

/**
 * A signed-in member's way into a vote they are on the roll of: a fresh personal link, exactly
 * like the emailed one, so the vote page and its use cases (casting, conflicts, secrecy) are the
 * same. Anyone not on the roll (another team, another organisation) is told the vote is not found.
 */
export async function issueOwnVoteLink(trx: Tx, userId: string, voteId: string) {
  const memberIds = await listActiveMemberIdsOfUser(trx, userId);
  const place = await findRollPlace(trx, voteId, memberIds);
  if (!place) throw new VoteError("not_found", "We could not find that vote.");
  return createVoteLink(trx, "", place.voteId, place.teamMemberId);
}
