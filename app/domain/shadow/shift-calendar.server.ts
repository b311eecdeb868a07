import { eventCalendar, shiftUid } from "../calendar.js";
import { firstName } from "../names.js";
import { visitDetailsForCandidate } from "./candidate-shift.server.js";

type Shift = {
  id: string;
  sequence: number;
  status: string;
  applicationId: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  meetingPoint: string;
  visitDetails: string;
  bringAndWear: string;
  hostName: string;
};

const lines = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join("\n");

/**
 * A shadow shift's .ics for the candidate: the same UID for the shift through every change (a new
 * time raises SEQUENCE), CANCEL when it is called off. The visit details follow the candidate's rule
 * (`visitDetailsForCandidate`): only while the shift is confirmed for their application.
 */
export function candidateShiftCalendar(shift: Shift, applicationId: string, orgName: string, cancelled: boolean) {
  return eventCalendar({
    uid: shiftUid(shift.id),
    sequence: shift.sequence,
    start: new Date(shift.startsAt),
    end: new Date(shift.endsAt),
    summary: `${orgName}: shadow shift with ${firstName(shift.hostName)}`,
    location: shift.meetingPoint,
    description: lines(
      !cancelled &&
        visitDetailsForCandidate(shift, applicationId) &&
        `Where you will visit: ${visitDetailsForCandidate(shift, applicationId)}`,
      shift.bringAndWear && `Bring and wear: ${shift.bringAndWear}`,
    ),
    cancelled,
  });
}

/** The same shift for its host (who knows the visit), with the candidate's name. */
export function hostShiftCalendar(shift: Shift, candidateName: string, cancelled: boolean) {
  return eventCalendar({
    uid: shiftUid(shift.id),
    sequence: shift.sequence,
    start: new Date(shift.startsAt),
    end: new Date(shift.endsAt),
    summary: `Shadow shift: ${candidateName}`,
    location: shift.meetingPoint,
    description: lines(shift.visitDetails && `Visit: ${shift.visitDetails}`),
    cancelled,
  });
}
