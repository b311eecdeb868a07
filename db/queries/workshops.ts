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

/**
 * Seats held: a seat hold is a waiting-list entry offered a freed seat (status 'offered') whose
 * offer has not run out; the seat is kept for that person until then. A hold for `forApplicationId`
 * is theirs to take, so it is not counted against them.
 */
const seatsHeld = (forApplicationId?: string) =>
  sql<number>`(select count(*)::int from workshop_waitlist q where q.workshop_id = workshops.id and q.status = 'offered'
    and q.offer_expires_at > now()${forApplicationId ? sql` and q.application_id <> ${forApplicationId}` : sql``})`;

/**
 * The one count of free seats: capacity, less live bookings, less seats held for the waiting list.
 * The booking page, booking, seat holds and merging all use it. When it decides whether someone
 * gets a seat, run it in its own statement after the workshop is locked (`lockSeats`), so it sees
 * what the lock's previous holder committed.
 */
const freeSeats = (forApplicationId?: string) => sql<number>`(workshops.capacity - ${seatsTaken} - ${seatsHeld(forApplicationId)})`;

export async function countFreeSeats(trx: Tx, workshopId: string, forApplicationId?: string) {
  const row = await trx
    .selectFrom("workshops")
    .select(freeSeats(forApplicationId).as("free"))
    .where("id", "=", workshopId)
    .executeTakeFirstOrThrow();
  return row.free;
}

/** Seat locks, in the order `lockSeats` (app/domain/workshops/seats.server.ts) takes them. */
export function lockApplicationsForSeats(trx: Tx, applicationIds: string[]) {
  // FOR NO KEY UPDATE: it queues the person's own seat changes, yet lets a merge insert their moved
  // booking, whose foreign-key check needs only a KEY SHARE lock on the application.
  return trx.selectFrom("applications").select("id").where("id", "in", applicationIds).orderBy("id").forNoKeyUpdate().execute();
}

export function lockWorkshopsById(trx: Tx, workshopIds: string[]) {
  return trx
    .selectFrom("workshops")
    .select(["id", "capacity", "startsAt", "status"])
    .where("id", "in", workshopIds)
    .orderBy("id")
    .forUpdate()
    .execute();
}

const LIVE_BOOKING_COLUMNS = ["id", "applicationId", "workshopId", "sequence", "adjustments"] as const;

export function listLiveBookingsForApplications(trx: Tx, applicationIds: string[]) {
  return trx
    .selectFrom("workshopBookings")
    .select(LIVE_BOOKING_COLUMNS)
    .where("applicationId", "in", applicationIds)
    .where("status", "=", "booked")
    .execute();
}

export function listLiveBookingsOnWorkshop(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopBookings")
    .select(LIVE_BOOKING_COLUMNS)
    .where("workshopId", "=", workshopId)
    .where("status", "=", "booked")
    .execute();
}

/** Whether the workshop recruits for the team of the application's vacancy. */
export async function isWorkshopForApplication(trx: Tx, workshopId: string, applicationId: string) {
  const row = await trx
    .selectFrom("workshopTeams")
    .innerJoin("vacancies", "vacancies.teamId", "workshopTeams.teamId")
    .innerJoin("applications", "applications.vacancyId", "vacancies.id")
    .select("workshopTeams.workshopId")
    .where("workshopTeams.workshopId", "=", workshopId)
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  return Boolean(row);
}

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

/** The note given at this application's most recent booking, live or not (null if none had one). */
export async function findLatestBookingNote(trx: Tx, applicationId: string) {
  const row = await trx
    .selectFrom("workshopBookings")
    .select("adjustments")
    .where("applicationId", "=", applicationId)
    .where("adjustments", "<>", "")
    .orderBy("bookedAt", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.adjustments ?? null;
}

/** Upcoming workshops for a team that can still be booked (after `from`), with the seats free for this application. */
export function listBookableWorkshops(trx: Tx, teamId: string, from: Date, applicationId: string) {
  return trx
    .selectFrom("workshops")
    .innerJoin("workshopTeams", "workshopTeams.workshopId", "workshops.id")
    .select(["workshops.id", ...PLACE_COLUMNS, freeSeats(applicationId).as("free")])
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
    listWorkshopExerciseVersions(trx, workshopId),
  ]);
}

/**
 * A workshop's exercises with the version it uses: the one its scoring started with, else the
 * latest. `id` is the exercise's id, `versionId` the version's.
 */
export function listWorkshopExerciseVersions(trx: Tx, workshopId: string) {
  return trx
    .selectFrom("workshopExercises")
    .innerJoin("scenarioExerciseVersions as v", (join) =>
      join
        .onRef("v.exerciseId", "=", "workshopExercises.exerciseId")
        .on((eb) =>
          eb(
            "v.id",
            "=",
            eb.fn.coalesce(
              "workshopExercises.versionId",
              eb
                .selectFrom("scenarioExerciseVersions as latest")
                .select("latest.id")
                .whereRef("latest.exerciseId", "=", "workshopExercises.exerciseId")
                .orderBy("latest.version", "desc")
                .limit(1),
            ),
          ),
        ),
    )
    .select([
      "workshopExercises.exerciseId as id",
      "v.id as versionId",
      "v.version",
      "v.title",
      "v.brief",
      "v.rubric",
      "workshopExercises.versionId as pinnedVersionId",
    ])
    .where("workshopExercises.workshopId", "=", workshopId)
    .orderBy("workshopExercises.position")
    .execute();
}

/** The exercises new workshops can choose, or with `{ archived: true }` those archived. */
export function listExercises(trx: Tx, { archived = false } = {}) {
  return trx
    .selectFrom("scenarioExercises")
    .select(["id", "title", "brief", "rubric", "archivedAt"])
    .where("archivedAt", archived ? "is not" : "is", null)
    .orderBy("title")
    .execute();
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
