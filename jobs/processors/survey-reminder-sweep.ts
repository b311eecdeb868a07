import { getDb } from "#db/client.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { sweepSurveyReminders } from "#app/domain/survey/survey-reminders.server.js";
import { sweepWorkshopNumbers } from "#app/domain/workshops/workshop-numbers.server.js";
import { sweepWorkshopReminders } from "#app/domain/workshops/workshop-reminders.server.js";
import { sweepShadowReminders } from "#app/domain/shadow/shadow-reminders.server.js";

/**
 * Runs every 15 minutes: re-creates from PostgreSQL any reminder (survey, workshop or shadow shift) whose
 * delayed job Redis lost, and checks workshops starting within 48 hours against their minimum.
 * The dedupe key keeps a reminder the delayed job already sent from going out again.
 */
export async function surveyReminderSweepProcessor() {
  const refs = [
    ...(await sweepSurveyReminders(getDb())),
    ...(await sweepWorkshopReminders(getDb())),
    ...(await sweepWorkshopNumbers(getDb())),
  ];
  refs.push(...(await sweepShadowReminders(getDb())));
  await relayOutbox(getDb(), refs);
  return { queued: refs.length };
}
