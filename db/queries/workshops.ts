import { sql } from "kysely";
import type { Tx } from "../client.js";

/** Where and when a workshop is: what every booking page and email shows. */
const PLACE_COLUMNS = [
  "workshops.startsAt",
  "workshops.endsAt",
  "workshops.venueName",
  "workshops.venueAddress",
  "workshops.directions",
  "workshops.accessibility",
] as const;
const BOOKING_COLUMNS = [
  "workshopBookings.id",
  "workshopBookings.applicationId",
  "workshopBookings.sequence",
  "workshopBookings.adjustments",
] as const;

const seatsTaken = sql<number>`(select count(*)::int from workshop_bookings b where b.workshop_id = workshops.id and b.status = 'booked')`;

export function findBookingDetails(trx: Tx, bookingId: string) {
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
    .innerJoin("applications", "applications.id", "workshopBookings.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select([...BOOKING_COLUMNS, ...PLACE_COLUMNS, "candidates.id as candidateId", "candidates.email", "candidates.fullName"])
    .where("workshopBookings.id", "=", bookingId)
    .executeTakeFirstOrThrow();
}

/** The live booking for an application, with its workshop. */
export function findLiveBooking(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
    .select([...BOOKING_COLUMNS, "workshops.id as workshopId", ...PLACE_COLUMNS])
    .where("workshopBookings.applicationId", "=", applicationId)
    .where("workshopBookings.status", "=", "booked")
    .executeTakeFirst();
}

/** Upcoming workshops for a team that can still be booked (after `from`), with seats taken or held for others. */
export function listBookableWorkshops(trx: Tx, teamId: string, from: Date, applicationId: string) {
  return trx
    .selectFrom("workshops")
    .innerJoin("workshopTeams", "workshopTeams.workshopId", "workshops.id")
    .select([
      "workshops.id",
      ...PLACE_COLUMNS,
      "workshops.capacity",
      seatsTaken.as("taken"),
      sql<number>`(select count(*)::int from workshop_waitlist q where q.workshop_id = workshops.id and q.status = 'offered'
        and q.offer_expires_at > now() and q.application_id <> ${applicationId})`.as("held"),
    ])
    .where("workshopTeams.teamId", "=", teamId)
    .where("workshops.status", "=", "scheduled")
    .where("workshops.startsAt", ">", from)
    .orderBy("workshops.startsAt")
    .limit(20)
    .execute();
}

export function listWorkshops(trx: Tx, from: Date) {
  return trx
    .selectFrom("workshops")
    .select(["id", "startsAt", "endsAt", "venueName", "capacity", "status", seatsTaken.as("taken")])
    .where("startsAt", ">", from)
    .orderBy("startsAt")
    .limit(100)
    .execute();
}

export function findWorkshopById(trx: Tx, id: string) {
  return trx.selectFrom("workshops").selectAll().select(seatsTaken.as("taken")).where("id", "=", id).executeTakeFirst();
}

export function listBookingsForWorkshop(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("applications", "applications.id", "workshopBookings.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select([
      "workshopBookings.id",
      "workshopBookings.adjustments as bookingAdjustments",
      "applications.id as applicationId",
      "applications.adjustments",
      "applications.adjustmentsNote",
      "candidates.fullName",
    ])
    .where("workshopBookings.workshopId", "=", workshopId)
    .where("workshopBookings.status", "=", "booked")
    .orderBy("candidates.fullName")
    .execute();
}

export function listWorkshopTeamsAndExercises(trx: Tx, workshopId: string) {
  return Promise.all([
    trx
      .selectFrom("workshopTeams")
      .innerJoin("teams", "teams.id", "workshopTeams.teamId")
      .select(["teams.id", "teams.name"])
      .where("workshopTeams.workshopId", "=", workshopId)
      .execute(),
    trx
      .selectFrom("workshopExercises")
      .innerJoin("scenarioExercises", "scenarioExercises.id", "workshopExercises.exerciseId")
      .select(["scenarioExercises.id", "scenarioExercises.title", "scenarioExercises.brief", "scenarioExercises.rubric"])
      .where("workshopExercises.workshopId", "=", workshopId)
      .orderBy("workshopExercises.position")
      .execute(),
  ]);
}

export function listExercises(trx: Tx) {
  return trx.selectFrom("scenarioExercises").select(["id", "title", "brief", "rubric"]).orderBy("title").execute();
}

/** Everyone booked on a workshop, and those marked as not coming, for the attendance page. */
export function listAttendanceForWorkshop(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("applications", "applications.id", "workshopBookings.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select(["workshopBookings.id", "workshopBookings.attendance", "candidates.fullName"])
    .where("workshopBookings.workshopId", "=", workshopId)
    .where((eb) => eb.or([eb("workshopBookings.status", "=", "booked"), eb("workshopBookings.attendance", "=", "no_show")]))
    .orderBy("candidates.fullName")
    .execute();
}

export function listWaitlistEntries(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("workshopWaitlist")
    .select(["workshopId", "status", "offerExpiresAt"])
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

export function listAssessors(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopAssessors")
    .innerJoin("users", "users.id", "workshopAssessors.userId")
    .select(["users.id", "users.name", "workshopAssessors.submittedAt"])
    .where("workshopAssessors.workshopId", "=", workshopId)
    .orderBy("users.name")
    .execute();
}

/** Candidates marked as attended or late, for scoring and for the lead's decisions. */
export function listAttendingForWorkshop(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("applications", "applications.id", "workshopBookings.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select(["workshopBookings.id", "candidates.fullName", "applications.stage"])
    .where("workshopBookings.workshopId", "=", workshopId)
    .where("workshopBookings.attendance", "in", ["attended", "late"])
    .orderBy("candidates.fullName")
    .execute();
}

/** The workshop page's numbers: booked, attended, no-shows, and what happened to those who came. */
export function findWorkshopMetrics(trx: Tx, workshopId: string) {
  const came = sql.raw("workshop_bookings.attendance in ('attended', 'late')");
  return trx
    .selectFrom("workshopBookings")
    .innerJoin("applications", "applications.id", "workshopBookings.applicationId")
    .select([
      sql<number>`count(*) filter (where workshop_bookings.status = 'booked')::int`.as("booked"),
      sql<number>`count(*) filter (where ${came})::int`.as("attended"),
      sql<number>`count(*) filter (where workshop_bookings.attendance = 'no_show')::int`.as("noShows"),
      sql<number>`count(*) filter (where ${came} and applications.stage not in ('workshop', 'declined', 'withdrawn'))::int`.as("movedOn"),
      sql<number>`count(*) filter (where ${came} and applications.stage = 'declined')::int`.as("declined"),
    ])
    .where("workshopBookings.workshopId", "=", workshopId)
    .executeTakeFirstOrThrow();
}

/** Other upcoming workshops a workshop could be merged into. */
export function listOtherUpcomingWorkshops(trx: Tx, workshopId: string, from: Date) {
  return trx
    .selectFrom("workshops")
    .select(["id", "startsAt", "endsAt", "venueName"])
    .where("status", "=", "scheduled")
    .where("id", "!=", workshopId)
    .where("startsAt", ">", from)
    .orderBy("startsAt")
    .limit(20)
    .execute();
}

/** A waiting-list entry offered a seat, with its workshop's times and the candidate: what the offer email needs. */
export function findWaitlistOfferForEmail(trx: Tx, entryId: string) {
  return trx
    .selectFrom("workshopWaitlist")
    .innerJoin("workshops", "workshops.id", "workshopWaitlist.workshopId")
    .innerJoin("applications", "applications.id", "workshopWaitlist.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select([
      "workshopWaitlist.applicationId",
      "workshopWaitlist.offerExpiresAt",
      "workshops.startsAt",
      "workshops.endsAt",
      "candidates.id as candidateId",
      "candidates.email",
      "candidates.fullName",
    ])
    .where("workshopWaitlist.id", "=", entryId)
    .executeTakeFirstOrThrow();
}
