import type { Tx } from "#db/client.js";
import type { ShadowShiftStatus, ShadowValueFeedback } from "#db/schema.js";
import { findFeedbackForShift, findLatestShiftForApplication, findReflectionForShift } from "#db/queries/shadow.js";

export type ShadowSummary = {
  shift: { id: string; hostName: string; startsAt: Date; endsAt: Date; status: ShadowShiftStatus; meetingPoint: string } | null;
  feedback: {
    values: ShadowValueFeedback[];
    concerns: string;
    recommendation: "yes" | "unsure" | "no";
    supportedComment: string;
    supportedBy: "person" | "family" | null;
    authorName: string;
    submittedAt: Date;
  } | null;
  reflection: { answer: "yes" | "not_sure" | "no"; note: string; submittedAt: Date } | null;
};

/** The application's latest shift that is not cancelled, the host's feedback and the candidate's reflection (for staff and the vote). */
export async function findShadowSummary(trx: Tx, applicationId: string): Promise<ShadowSummary> {
  const shift = await findLatestShiftForApplication(trx, applicationId);
  if (!shift) return { shift: null, feedback: null, reflection: null };
  const [feedback, reflection] = await Promise.all([findFeedbackForShift(trx, shift.id), findReflectionForShift(trx, shift.id)]);
  return {
    shift: {
      id: shift.id,
      hostName: shift.hostName,
      startsAt: new Date(shift.startsAt),
      endsAt: new Date(shift.endsAt),
      status: shift.status,
      meetingPoint: shift.meetingPoint,
    },
    feedback: feedback
      ? {
          values: feedback.values,
          concerns: feedback.concerns,
          recommendation: feedback.recommendation,
          supportedComment: feedback.supportedComment,
          supportedBy: feedback.supportedBy,
          authorName: feedback.authorName,
          submittedAt: new Date(feedback.submittedAt),
        }
      : null,
    reflection: reflection ? { answer: reflection.answer, note: reflection.note, submittedAt: new Date(reflection.submittedAt) } : null,
  };
}
