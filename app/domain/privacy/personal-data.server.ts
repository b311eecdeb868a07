import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { countMonitoring, deleteMonitoringFor, listMyMonitoring } from "#db/queries/people.js";

/**
 * Every table that holds data about a candidate, and what export and erasure do with it. The one
 * list both use: `exportPersonalData` reads each entry's rows, `erasePersonalData` applies each
 * entry's rule. `tests/integration/personal-data.test.ts` finds every table that can reach a
 * candidate through foreign keys and fails when one is missing here, so a new table about people
 * cannot ship without deciding both.
 */

/** The ids of everything about one candidate, gathered once (see `gatherPersonIds`). */
export type PersonIds = {
  candidateId: string;
  applicationIds: string[];
  bookingIds: string[];
  waitlistIds: string[];
  shiftIds: string[];
  voteIds: string[];
  offerIds: string[];
  touchpointIds: string[];
  responseIds: string[];
};

type Rows = Record<string, unknown>[];
type Export =
  /** Shown to the candidate in "Download my data" and to staff answering a request. */
  | { to: "candidate-and-staff"; title: string; rows: (trx: Tx, ids: PersonIds) => Promise<Rows> }
  /** Staff notes and votes about the person: in the staff export only. */
  | { to: "staff"; title: string; rows: (trx: Tx, ids: PersonIds) => Promise<Rows> }
  /** Different rows for each copy (monitoring answers: the person sees them, staff only that they exist). */
  | { to: "split"; title: string; rows: (trx: Tx, ids: PersonIds) => Promise<Rows>; staffRows: (trx: Tx, ids: PersonIds) => Promise<Rows> }
  | { none: string };
type Erase = { run: (trx: Tx, ids: PersonIds) => Promise<unknown> | null; does: string } | { keep: string };
type Coverage = { export: Export; erase: Erase };

const none = <T>(list: T[]) => list.length === 0;
const ERASED_NAME = "Erased person";

export const PERSONAL_DATA: Record<string, Coverage> = {
  candidates: {
    export: {
      to: "candidate-and-staff",
      title: "Your details",
      rows: (trx, ids) =>
        trx
          .selectFrom("candidates")
          .select(["fullName", "email", "phone", "createdAt", "futureJobsConsentAt"])
          .where("id", "=", ids.candidateId)
          .execute(),
    },
    erase: {
      does: "name, email and phone replaced; the row stays as an anonymous skeleton the figures hang on",
      run: (trx, ids) =>
        trx
          .updateTable("candidates")
          .set({
            fullName: ERASED_NAME,
            email: sql<string>`'erased-' || id || '@erased.invalid'`,
            phone: "",
            erasedAt: sql`now()`,
            futureJobsConsentAt: null,
            legalHoldReason: null,
            legalHoldAt: null,
            legalHoldByName: null,
          })
          .where("id", "=", ids.candidateId)
          .execute(),
    },
  },
  applications: {
    export: {
      to: "candidate-and-staff",
      title: "Your applications",
      rows: (trx, ids) =>
        none(ids.applicationIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("applications")
              .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
              .select([
                "vacancies.title as job",
                "applications.createdAt as appliedAt",
                "applications.stage",
                "applications.location",
                "applications.availability",
                "applications.experience",
                "applications.source",
                "applications.rightToWork",
                "applications.adjustments",
                "applications.adjustmentsNote",
                "applications.privacyNoticeVersion",
              ])
              .where("applications.id", "in", ids.applicationIds)
              .execute(),
    },
    erase: {
      does: "location, availability and adjustments removed; stage, job, channel and dates kept (anonymous facts)",
      run: (trx, ids) =>
        none(ids.applicationIds)
          ? null
          : trx
              .updateTable("applications")
              .set({ location: "", availability: [], adjustments: [], adjustmentsNote: "" })
              .where("id", "in", ids.applicationIds)
              .execute(),
    },
  },
  application_events: {
    export: {
      to: "staff",
      title: "Timeline, with staff's reasons",
      rows: (trx, ids) =>
        none(ids.applicationIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("applicationEvents")
              .select(["createdAt", "kind", "fromStage", "toStage", "actorName", "reason"])
              .where("applicationId", "in", ids.applicationIds)
              .orderBy("createdAt")
              .execute(),
    },
    erase: {
      does: "the free-text reasons and notes removed; the stage changes kept",
      run: (trx, ids) =>
        none(ids.applicationIds)
          ? null
          : trx.updateTable("applicationEvents").set({ reason: null }).where("applicationId", "in", ids.applicationIds).execute(),
    },
  },
  application_facts: {
    export: { none: "counts only: the same facts as the timeline, with no name or contact" },
    erase: { keep: "anonymous facts the dashboards count; frozen before anything else is removed" },
  },
  diversity_answers: {
    // Kept apart from everyone who decides on hiring: the person's own copy shows their answers, the
    // staff copy says only whether there are any (they can get them from the person's own copy).
    export: {
      to: "split",
      title: "Your equality monitoring answers",
      rows: (trx, ids) => listMyMonitoring(trx, ids.applicationIds),
      staffRows: async (trx, ids) => [
        {
          answers:
            (await countMonitoring(trx, ids.applicationIds)) > 0 ? "Given; only the person sees them, in their own copy" : "None given",
        },
      ],
    },
    erase: {
      does: "deleted (the frozen facts keep the anonymous counts)",
      run: (trx, ids) => deleteMonitoringFor(trx, ids.applicationIds),
    },
  },
  survey_responses: {
    export: {
      to: "candidate-and-staff",
      title: "Your values survey",
      rows: (trx, ids) =>
        none(ids.responseIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("surveyResponses")
              .select(["startedAt", "completedAt", "fit", "profile"])
              .where("id", "in", ids.responseIds)
              .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) => (none(ids.responseIds) ? null : trx.deleteFrom("surveyResponses").where("id", "in", ids.responseIds).execute()),
    },
  },
  survey_answers: {
    export: {
      to: "candidate-and-staff",
      title: "Your survey answers",
      rows: (trx, ids) =>
        none(ids.responseIds)
          ? Promise.resolve([])
          : trx.selectFrom("surveyAnswers").select(["itemId", "answer", "answeredAt"]).where("responseId", "in", ids.responseIds).execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) =>
        none(ids.responseIds) ? null : trx.deleteFrom("surveyAnswers").where("responseId", "in", ids.responseIds).execute(),
    },
  },
  workshop_bookings: {
    export: {
      to: "candidate-and-staff",
      title: "Your workshop bookings",
      rows: (trx, ids) =>
        none(ids.bookingIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("workshopBookings")
              .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
              .select([
                "workshops.startsAt",
                "workshops.venueName",
                "workshopBookings.status",
                "workshopBookings.adjustments",
                "workshopBookings.bookedAt",
                "workshopBookings.cancelledAt",
                "workshopBookings.attendance",
              ])
              .where("workshopBookings.id", "in", ids.bookingIds)
              .execute(),
    },
    erase: {
      does: "adjustments removed; future bookings cancelled; attendance kept (anonymous facts)",
      run: async (trx, ids) => {
        if (none(ids.bookingIds)) return;
        await trx.updateTable("workshopBookings").set({ adjustments: "" }).where("id", "in", ids.bookingIds).execute();
        await trx
          .updateTable("workshopBookings")
          .set({ status: "cancelled", cancelledAt: sql`now()` })
          .where("id", "in", ids.bookingIds)
          .where("status", "=", "booked")
          .where("workshopId", "in", (eb) => eb.selectFrom("workshops").select("id").where("startsAt", ">", sql<Date>`now()`))
          .execute();
      },
    },
  },
  assessor_scores: {
    export: {
      to: "staff",
      title: "Workshop scores and assessors' notes",
      rows: (trx, ids) =>
        none(ids.bookingIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("assessorScores")
              .select(["exerciseId", "criterionKey", "score", "note", "updatedAt"])
              .where("bookingId", "in", ids.bookingIds)
              .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) =>
        none(ids.bookingIds) ? null : trx.deleteFrom("assessorScores").where("bookingId", "in", ids.bookingIds).execute(),
    },
  },
  workshop_waitlist: {
    export: {
      to: "candidate-and-staff",
      title: "Waiting lists you joined",
      rows: (trx, ids) =>
        none(ids.waitlistIds)
          ? Promise.resolve([])
          : trx.selectFrom("workshopWaitlist").select(["status", "joinedAt", "offeredAt"]).where("id", "in", ids.waitlistIds).execute(),
    },
    erase: {
      does: "deleted (a held seat passes to nobody: it is free again)",
      run: (trx, ids) => (none(ids.waitlistIds) ? null : trx.deleteFrom("workshopWaitlist").where("id", "in", ids.waitlistIds).execute()),
    },
  },
  shadow_shifts: {
    export: {
      to: "candidate-and-staff",
      title: "Your shadow shifts",
      rows: (trx, ids) =>
        none(ids.shiftIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("shadowShifts")
              .select(["startsAt", "endsAt", "status", "meetingPoint", "confirmedAt", "cancelledAt"])
              .where("id", "in", ids.shiftIds)
              .execute(),
    },
    erase: {
      does: "future shifts cancelled; past ones kept without a link to anyone's details",
      run: (trx, ids) =>
        none(ids.shiftIds)
          ? null
          : trx
              .updateTable("shadowShifts")
              .set({ status: "cancelled", cancelledAt: sql`now()` })
              .where("id", "in", ids.shiftIds)
              .where("startsAt", ">", sql<Date>`now()`)
              .where("status", "!=", "cancelled")
              .execute(),
    },
  },
  shadow_feedback: {
    export: {
      to: "staff",
      title: "Shadow shift feedback from the team",
      rows: (trx, ids) =>
        none(ids.applicationIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("shadowFeedback")
              .select(["authorName", "values", "concerns", "recommendation", "supportedComment", "submittedAt"])
              .where("applicationId", "in", ids.applicationIds)
              .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) =>
        none(ids.applicationIds) ? null : trx.deleteFrom("shadowFeedback").where("applicationId", "in", ids.applicationIds).execute(),
    },
  },
  shadow_reflections: {
    export: {
      to: "candidate-and-staff",
      title: "Your thoughts after the shadow shift",
      rows: (trx, ids) =>
        none(ids.applicationIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("shadowReflections")
              .select(["answer", "note", "submittedAt"])
              .where("applicationId", "in", ids.applicationIds)
              .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) =>
        none(ids.applicationIds) ? null : trx.deleteFrom("shadowReflections").where("applicationId", "in", ids.applicationIds).execute(),
    },
  },
  votes: {
    export: {
      to: "candidate-and-staff",
      title: "Team votes on your application",
      rows: (trx, ids) =>
        none(ids.voteIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("votes")
              .select(["openedAt", "closesAt", "closedAt", "status", "outcome", "candidateMessage"])
              .where("id", "in", ids.voteIds)
              .execute(),
    },
    erase: {
      does: "an open vote is cancelled; the message to the candidate removed; the outcome kept",
      run: async (trx, ids) => {
        if (none(ids.voteIds)) return;
        await trx
          .updateTable("votes")
          .set({ status: "closed", outcome: "cancelled", closedAt: sql`now()` })
          .where("id", "in", ids.voteIds)
          .where("status", "=", "open")
          .execute();
        await trx.updateTable("votes").set({ candidateMessage: null }).where("id", "in", ids.voteIds).execute();
      },
    },
  },
  ballots: {
    export: {
      to: "staff",
      title: "Team members' votes and comments",
      rows: (trx, ids) =>
        none(ids.voteIds)
          ? Promise.resolve([])
          : trx.selectFrom("ballots").select(["choice", "comment", "castAt"]).where("voteId", "in", ids.voteIds).execute(),
    },
    erase: {
      does: "comments about the person removed; the choices kept",
      run: (trx, ids) =>
        none(ids.voteIds) ? null : trx.updateTable("ballots").set({ comment: "" }).where("voteId", "in", ids.voteIds).execute(),
    },
  },
  vote_voters: {
    export: { none: "who may vote: team members' data, nothing about the candidate" },
    erase: { keep: "team members' data only" },
  },
  vote_audit: {
    export: { none: "team members' actions on the vote, no data about the candidate" },
    erase: { keep: "team members' data only" },
  },
  vote_links: {
    export: { none: "team members' voting links" },
    erase: {
      does: "deleted (nobody can open the vote any more)",
      run: (trx, ids) => (none(ids.voteIds) ? null : trx.deleteFrom("voteLinks").where("voteId", "in", ids.voteIds).execute()),
    },
  },
  offers: {
    export: {
      to: "candidate-and-staff",
      title: "Job offers",
      rows: (trx, ids) =>
        none(ids.offerIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("offers")
              .select([
                "roleTitle",
                "hours",
                "pay",
                "startDate",
                "status",
                "createdAt",
                "acceptedAt",
                "declinedAt",
                "declineReason",
                "withdrawnAt",
                "withdrawalReason",
                "withdrawalNote",
                "startedOn",
              ])
              .where("id", "in", ids.offerIds)
              .execute(),
    },
    erase: {
      does: "the free-text reasons and notes removed; the offer's dates and status kept (drop-out figures)",
      run: (trx, ids) =>
        none(ids.offerIds)
          ? null
          : trx.updateTable("offers").set({ declineReason: null, withdrawalNote: null }).where("id", "in", ids.offerIds).execute(),
    },
  },
  prestart_checks: {
    export: {
      to: "candidate-and-staff",
      title: "Checks before starting",
      rows: (trx, ids) =>
        none(ids.offerIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("prestartChecks")
              .select(["kind", "status", "statusChangedAt", "note"])
              .where("offerId", "in", ids.offerIds)
              .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) => (none(ids.offerIds) ? null : trx.deleteFrom("prestartChecks").where("offerId", "in", ids.offerIds).execute()),
    },
  },
  touchpoints: {
    export: {
      to: "candidate-and-staff",
      title: "Keeping in touch before your start",
      rows: (trx, ids) =>
        none(ids.touchpointIds)
          ? Promise.resolve([])
          : trx
              .selectFrom("touchpoints")
              .select(["kind", "dueAt", "sentAt", "doneAt", "repliedAt", "answer", "note"])
              .where("id", "in", ids.touchpointIds)
              .execute(),
    },
    erase: {
      does: "notes removed (the answer, a choice from a list, is kept for the drop-out figures); the ones not yet sent cancelled",
      run: async (trx, ids) => {
        if (none(ids.touchpointIds)) return;
        await trx.updateTable("touchpoints").set({ note: "" }).where("id", "in", ids.touchpointIds).execute();
        await trx
          .updateTable("touchpoints")
          .set({ cancelledAt: sql`now()` })
          .where("id", "in", ids.touchpointIds)
          .where("sentAt", "is", null)
          .where("doneAt", "is", null)
          .where("cancelledAt", "is", null)
          .execute();
      },
    },
  },
  touchpoint_links: {
    export: { none: "links inside emails" },
    erase: {
      does: "deleted",
      run: (trx, ids) =>
        none(ids.touchpointIds) ? null : trx.deleteFrom("touchpointLinks").where("touchpointId", "in", ids.touchpointIds).execute(),
    },
  },
  login_tokens: {
    export: { none: "sign-in links (hashed), no content" },
    erase: { does: "deleted", run: (trx, ids) => trx.deleteFrom("loginTokens").where("candidateId", "=", ids.candidateId).execute() },
  },
  sessions: {
    export: { none: "sign-in sessions (hashed), no content" },
    erase: {
      does: "deleted: they are signed out",
      run: (trx, ids) => trx.deleteFrom("sessions").where("candidateId", "=", ids.candidateId).execute(),
    },
  },
  outbox: {
    export: {
      to: "candidate-and-staff",
      title: "Emails",
      rows: (trx, ids) =>
        trx.selectFrom("outbox").select(["kind", "createdAt", "sentAt"]).where(aboutPerson(ids)).orderBy("createdAt").execute(),
    },
    erase: {
      does: "every email to or about them deleted, sent or not (an unsent one is never sent)",
      run: (trx, ids) => trx.deleteFrom("outbox").where(aboutPerson(ids)).execute(),
    },
  },
};

/** Outbox rows whose payload names any of the person's ids (payloads carry ids only, never names). */
function aboutPerson(ids: PersonIds) {
  const all = allIds(ids);
  return sql<boolean>`exists (select 1 from jsonb_each_text(payload) kv where kv.value = any(${all}::text[]))`;
}

export function allIds(ids: PersonIds): string[] {
  return [
    ids.candidateId,
    ...ids.applicationIds,
    ...ids.bookingIds,
    ...ids.waitlistIds,
    ...ids.shiftIds,
    ...ids.voteIds,
    ...ids.offerIds,
    ...ids.touchpointIds,
    ...ids.responseIds,
  ];
}

export async function gatherPersonIds(trx: Tx, candidateId: string): Promise<PersonIds> {
  const applicationIds = (await trx.selectFrom("applications").select("id").where("candidateId", "=", candidateId).execute()).map(
    (r) => r.id,
  );
  const of = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
  if (applicationIds.length === 0) {
    return {
      candidateId,
      applicationIds,
      bookingIds: [],
      waitlistIds: [],
      shiftIds: [],
      voteIds: [],
      offerIds: [],
      touchpointIds: [],
      responseIds: [],
    };
  }
  const [bookingIds, waitlistIds, shiftIds, voteIds, offerIds, responseIds] = await Promise.all([
    of(trx.selectFrom("workshopBookings").select("id").where("applicationId", "in", applicationIds).execute()),
    of(trx.selectFrom("workshopWaitlist").select("id").where("applicationId", "in", applicationIds).execute()),
    of(trx.selectFrom("shadowShifts").select("id").where("applicationId", "in", applicationIds).execute()),
    of(trx.selectFrom("votes").select("id").where("applicationId", "in", applicationIds).execute()),
    of(trx.selectFrom("offers").select("id").where("applicationId", "in", applicationIds).execute()),
    of(trx.selectFrom("surveyResponses").select("id").where("applicationId", "in", applicationIds).execute()),
  ]);
  const touchpointIds = offerIds.length
    ? await of(trx.selectFrom("touchpoints").select("id").where("offerId", "in", offerIds).execute())
    : [];
  return { candidateId, applicationIds, bookingIds, waitlistIds, shiftIds, voteIds, offerIds, touchpointIds, responseIds };
}

export { ERASED_NAME };
