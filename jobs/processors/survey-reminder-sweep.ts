import { getDb } from "#db/client.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { sweepSurveyReminders } from "#app/domain/survey/survey-reminders.server.js";
import { sweepWorkshopNumbers } from "#app/domain/workshops/workshop-numbers.server.js";
import { sweepWorkshopReminders } from "#app/domain/workshops/workshop-reminders.server.js";
import { afterClose, sweepVotes } from "#app/domain/votes/vote-jobs.server.js";
import { sweepShadowReminders } from "#app/domain/shadow/shadow-reminders.server.js";
import { sweepTouchpoints } from "#app/domain/offers/keep-in-touch.server.js";
import { sweepNoShows } from "#app/domain/offers/no-show.server.js";

/**
 * Runs every 15 minutes: re-creates from PostgreSQL any reminder (survey, workshop, shadow shift,
 * vote, keep-in-touch) whose delayed job Redis lost, closes votes past their deadline, flags
 * no-shows, and checks workshops starting within 48 hours against their minimum.
 * The dedupe key keeps a reminder the delayed job already sent from going out again.
 */
export async function surveyReminderSweepProcessor() {
  const votes = await sweepVotes(getDb());
  const refs = [
    ...(await sweepSurveyReminders(getDb())),
    ...(await sweepWorkshopReminders(getDb())),
    ...(await sweepWorkshopNumbers(getDb())),
    ...votes.refs,
  ];
  refs.push(...(await sweepShadowReminders(getDb())));
  refs.push(...(await sweepTouchpoints(getDb())), ...(await sweepNoShows(getDb())));
  await relayOutbox(getDb(), refs);
  for (const close of votes.closes) await afterClose(close.orgId, close.result);
  return { queued: refs.length };
}
