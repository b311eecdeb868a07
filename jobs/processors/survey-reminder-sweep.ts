import { getDb } from "#db/client.js";
import { sweepSurveyReminders } from "#app/domain/survey/survey-reminders.server.js";
import { sweepWorkshopNumbers } from "#app/domain/workshops/workshop-numbers.server.js";
import { sweepWorkshopReminders } from "#app/domain/workshops/workshop-reminders.server.js";
import { sweepSeatHolds } from "#app/domain/workshops/waitlist.server.js";
import { sweepVotes } from "#app/domain/votes/vote-jobs.server.js";
import { sweepShadowReminders } from "#app/domain/shadow/shadow-reminders.server.js";
import { sweepTouchpoints } from "#app/domain/offers/keep-in-touch.server.js";
import { sweepNoShows } from "#app/domain/offers/no-show.server.js";
import { runInOrg } from "../run-in-org.js";

/**
 * Runs every 15 minutes: re-creates from PostgreSQL any reminder (survey, workshop, shadow shift,
 * vote, keep-in-touch) whose delayed job Redis lost, passes on seat holds whose expiry job it lost,
 * closes votes past their deadline, flags
 * no-shows, and checks workshops starting within 48 hours against their minimum.
 * The dedupe key keeps a reminder the delayed job already sent from going out again. Each
 * organisation's work goes through `runInOrg`, so its emails and jobs follow its own commit.
 */
export async function surveyReminderSweepProcessor() {
  const db = getDb();
  const votes = await sweepVotes(db, runInOrg);
  const queued =
    (await sweepSeatHolds(db, runInOrg)) +
    (await sweepWorkshopReminders(db, runInOrg)) +
    (await sweepWorkshopNumbers(db, runInOrg)) +
    (await sweepSurveyReminders(db, runInOrg)) +
    votes.reminded +
    (await sweepShadowReminders(db, runInOrg)) +
    (await sweepTouchpoints(db, runInOrg)) +
    (await sweepNoShows(db, runInOrg));
  return { queued, votesClosed: votes.closes.length };
}
