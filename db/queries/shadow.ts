import type { Insertable } from "kysely";
import type { Tx } from "../client.js";
import type { ShadowShiftsTable } from "../schema.js";

const shiftColumns = [
  "shadowShifts.id",
  "shadowShifts.teamId",
  "shadowShifts.hostMemberId",
  "shadowShifts.applicationId",
  "shadowShifts.origin",
  "shadowShifts.status",
  "shadowShifts.startsAt",
  "shadowShifts.endsAt",
  "shadowShifts.meetingPoint",
  "shadowShifts.visitDetails",
  "shadowShifts.bringAndWear",
  "shadowShifts.sequence",
  "teamMembers.name as hostName",
  "teamMembers.userId as hostUserId",
] as const;

/** One shift with its host's name. */
export function findShift(trx: Tx, shiftId: string) {
  return trx
    .selectFrom("shadowShifts")
    .innerJoin("teamMembers", "teamMembers.id", "shadowShifts.hostMemberId")
    .select(shiftColumns)
    .where("shadowShifts.id", "=", shiftId)
    .executeTakeFirst();
}

/** Inserts one shift (an open slot, or a time proposed for an application) and returns its id. */
export async function insertShift(trx: Tx, shift: Insertable<ShadowShiftsTable>) {
  const row = await trx.insertInto("shadowShifts").values(shift).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Locks one shift row (for changes that must not race). */
export function lockShift(trx: Tx, shiftId: string) {
  return trx.selectFrom("shadowShifts").selectAll().where("id", "=", shiftId).forUpdate().executeTakeFirst();
}

/** The application's latest shift that is not cancelled (live, or already happened). */
export function findLatestShiftForApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("shadowShifts")
    .innerJoin("teamMembers", "teamMembers.id", "shadowShifts.hostMemberId")
    .select(shiftColumns)
    .where("shadowShifts.applicationId", "=", applicationId)
    .where("shadowShifts.status", "in", ["proposed", "confirmed"])
    .orderBy("shadowShifts.startsAt", "desc")
    .executeTakeFirst();
}

/** Open slots of a team starting after `from`, soonest first. */
export function listOpenSlots(trx: Tx, teamId: string, from: Date) {
  return trx
    .selectFrom("shadowShifts")
    .innerJoin("teamMembers", "teamMembers.id", "shadowShifts.hostMemberId")
    .select(shiftColumns)
    .where("shadowShifts.teamId", "=", teamId)
    .where("shadowShifts.status", "=", "open")
    .where("shadowShifts.startsAt", ">", from)
    .orderBy("shadowShifts.startsAt")
    .execute();
}

/** Shifts from `from` on (open, proposed, confirmed), optionally of some teams, with candidate and team names. */
export function listShifts(trx: Tx, from: Date, teamIds?: string[]) {
  let query = trx
    .selectFrom("shadowShifts")
    .innerJoin("teamMembers", "teamMembers.id", "shadowShifts.hostMemberId")
    .innerJoin("teams", "teams.id", "shadowShifts.teamId")
    .leftJoin("applications", "applications.id", "shadowShifts.applicationId")
    .leftJoin("candidates", "candidates.id", "applications.candidateId")
    .leftJoin("shadowFeedback", "shadowFeedback.shiftId", "shadowShifts.id")
    .select([
      ...shiftColumns,
      "teams.name as teamName",
      "candidates.fullName as candidateName",
      "shadowFeedback.submittedAt as feedbackAt",
      "applications.adjustments",
      "applications.adjustmentsNote",
    ])
    .where("shadowShifts.status", "!=", "cancelled")
    .where("shadowShifts.endsAt", ">", from);
  if (teamIds) query = query.where("shadowShifts.teamId", "in", teamIds.length ? teamIds : ["00000000-0000-0000-0000-000000000000"]);
  return query.orderBy("shadowShifts.startsAt").execute();
}

/** Team members who can host: still in the team and with a staff sign-in. */
export function listHosts(trx: Tx, teamIds?: string[]) {
  let query = trx
    .selectFrom("teamMembers")
    .innerJoin("teams", "teams.id", "teamMembers.teamId")
    .select(["teamMembers.id", "teamMembers.name", "teamMembers.teamId", "teamMembers.userId", "teams.name as teamName"])
    .where("teamMembers.leftOn", "is", null)
    .where("teamMembers.userId", "is not", null);
  if (teamIds) query = query.where("teamMembers.teamId", "in", teamIds.length ? teamIds : ["00000000-0000-0000-0000-000000000000"]);
  return query.orderBy("teams.name").orderBy("teamMembers.name").execute();
}

/** The teams a signed-in user is an active member of. */
export async function listTeamIdsOfUser(trx: Tx, userId: string) {
  const rows = await trx.selectFrom("teamMembers").select("teamId").where("userId", "=", userId).where("leftOn", "is", null).execute();
  return rows.map((r) => r.teamId);
}

/** The application with its candidate, vacancy and team, for shadow shift rules and emails. */
export function findShadowApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .select([
      "applications.id",
      "applications.stage",
      "applications.candidateId",
      "candidates.fullName",
      "candidates.email",
      "vacancies.teamId",
      "vacancies.title",
    ])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
}

export function findFeedbackForShift(trx: Tx, shiftId: string) {
  return trx.selectFrom("shadowFeedback").selectAll().where("shiftId", "=", shiftId).executeTakeFirst();
}

export function findReflectionForShift(trx: Tx, shiftId: string) {
  return trx.selectFrom("shadowReflections").selectAll().where("shiftId", "=", shiftId).executeTakeFirst();
}

/** The team-member rows of a signed-in user that are still in a team (one per team they belong to). */
export async function listActiveMemberIdsOfUser(trx: Tx, userId: string) {
  const rows = await trx.selectFrom("teamMembers").select("id").where("userId", "=", userId).where("leftOn", "is", null).execute();
  return rows.map((r) => r.id);
}

/** Shifts `memberIds` host that are not cancelled, from `from` on (by start), with the candidate and whether feedback is in. */
export function listShiftsHostedBy(trx: Tx, memberIds: string[], from: Date) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("shadowShifts")
    .innerJoin("teams", "teams.id", "shadowShifts.teamId")
    .leftJoin("applications", "applications.id", "shadowShifts.applicationId")
    .leftJoin("candidates", "candidates.id", "applications.candidateId")
    .leftJoin("shadowFeedback", "shadowFeedback.shiftId", "shadowShifts.id")
    .select([
      "shadowShifts.id",
      "shadowShifts.status",
      "shadowShifts.startsAt",
      "shadowShifts.endsAt",
      "shadowShifts.meetingPoint",
      "teams.name as teamName",
      "candidates.fullName as candidateName",
      "shadowFeedback.submittedAt as feedbackAt",
    ])
    .where("shadowShifts.hostMemberId", "in", memberIds)
    .where("shadowShifts.status", "!=", "cancelled")
    .where("shadowShifts.startsAt", ">=", from)
    .orderBy("shadowShifts.startsAt")
    .execute();
}
