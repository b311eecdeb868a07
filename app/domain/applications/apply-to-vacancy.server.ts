import { currentPrivacyNotice } from "../privacy/privacy-notice.server.js";
import { findVacancyById } from "#db/queries/vacancies.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit, sendOnceAfterCommit } from "../email/outbox.server.js";
import { londonDay } from "../london-day.js";
import { planSurveyReminders } from "../survey/survey-reminders.server.js";
import { ApplicationError } from "./application.errors.js";
import type { ApplicationInput } from "./application.schema.js";

export type ApplyResult = { applicationId: string; duplicate: boolean };

/**
 * A candidate applies to an open vacancy. One candidate per email per organisation; one
 * application per candidate per vacancy: applying again changes nothing but sends them a
 * sign-in link to the application they already have, at most once a day.
 *
 * Anyone can type anyone's email here, signed out, so an existing candidate's name and phone are
 * never changed by applying: they keep what they first gave (details change only once signed in
 * through the emailed link). The answers that belong to this application (experience, place,
 * availability...) go on the application row.
 */
export async function applyToVacancy(ctx: UseCaseContext, vacancyId: string, input: ApplicationInput): Promise<ApplyResult> {
  const { trx } = ctx;
  const vacancy = await findVacancyById(trx, vacancyId);
  if (!vacancy) throw new ApplicationError("not_found", "We could not find that job.");
  if (vacancy.status !== "open") throw new ApplicationError("vacancy_closed", "This job is no longer taking applications.");

  const candidate =
    (await trx
      .insertInto("candidates")
      .values({ email: input.email, fullName: input.fullName, phone: input.phone })
      .onConflict((oc) => oc.columns(["orgId", "email"]).doNothing())
      .returning(["id", "fullName"])
      .executeTakeFirst()) ??
    // Already known (the conflict waited for any concurrent insert to commit, so this finds it).
    (await trx.selectFrom("candidates").select(["id", "fullName"]).where("email", "=", input.email).executeTakeFirstOrThrow());

  if (input.futureJobs === "yes") {
    await trx
      .updateTable("candidates")
      .set({ futureJobsConsentAt: new Date() })
      .where("id", "=", candidate.id)
      .where("futureJobsConsentAt", "is", null)
      .execute();
  }

  const notice = await currentPrivacyNotice(trx);
  const created = await trx
    .insertInto("applications")
    .values({
      privacyNoticeVersion: notice.version,
      candidateId: candidate.id,
      vacancyId,
      experience: input.experience,
      source: input.source,
      location: input.location,
      availability: input.availability,
      rightToWork: input.rightToWork === "yes",
      adjustments: input.adjustments,
      adjustmentsNote: input.adjustmentsNote,
    })
    .onConflict((oc) => oc.columns(["vacancyId", "candidateId"]).doNothing())
    .returning("id")
    .executeTakeFirst();

  if (!created) {
    const existing = await trx
      .selectFrom("applications")
      .select("id")
      .where("vacancyId", "=", vacancyId)
      .where("candidateId", "=", candidate.id)
      .executeTakeFirstOrThrow();
    // One "already applied" email per application per UK day, however often someone applies
    // with this email: the unique dedupe key makes concurrent repeats wait and then do nothing.
    await sendOnceAfterCommit(ctx, `application-duplicate:${existing.id}:${londonDay()}`, {
      kind: "application-duplicate",
      applicationId: existing.id,
    });
    return { applicationId: existing.id, duplicate: true };
  }

  await trx
    .insertInto("applicationEvents")
    .values({ applicationId: created.id, fromStage: null, toStage: "applied", actorName: candidate.fullName, reason: "Applied online" })
    .execute();
  await sendAfterCommit(ctx, { kind: "application-received", applicationId: created.id });
  // Applying invites the candidate to the values survey straight away; reminders follow if needed.
  await planSurveyReminders(ctx, created.id, new Date());
  return { applicationId: created.id, duplicate: false };
}
