import type { Tx } from "#db/client.js";
import type { Stage } from "../applications/stages.js";
import { findLatestVoteForApplication } from "#db/queries/votes.js";
import { leadMayMoveTo } from "./decision.js";
import { VoteError } from "./vote.errors.js";

/**
 * The team decides: a lead cannot skip the vote. Moving to the vote step means opening a vote,
 * and a lead moves an application on to the offer only when a vote closed without a quorum (the
 * decision then falls to them); a passed vote moves it by itself.
 */
export async function checkLeadMayMove(trx: Tx, applicationId: string, to: Stage) {
  const vote = to === "offer" ? ((await findLatestVoteForApplication(trx, applicationId)) ?? null) : null;
  if (leadMayMoveTo(to, vote)) return;
  throw new VoteError(
    "wrong_stage",
    to === "vote"
      ? "Open the team vote instead: the team decides who joins."
      : to === "started"
        ? "Confirm the start in the offer section, on or after the start date."
        : "The team decides who joins: an offer follows a vote that passed, or one that went to you without a quorum.",
  );
}
