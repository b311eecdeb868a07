import { randomBytes } from "node:crypto";
import { withOrg } from "#db/tenant.js";
import { startSession } from "#app/utils/session.server.js";
import { ownerDb } from "./org.js";
import { advanceTo } from "./application.js";
import { insertInvitedApplications } from "./workshop.js";

/** A team member with a staff sign-in (role member) who can host shadow shifts. */
export async function insertHost(orgId: string, teamId: string, name = "Grace Host") {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const email = `host.${randomBytes(4).toString("hex")}@example.com`;
    const user = await trx
      .insertInto("users")
      .values({ email, name, role: "member", passwordHash: "unused" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const member = await trx
      .insertInto("teamMembers")
      .values({ teamId, userId: user.id, name, experience: "experienced", joinedOn: "2024-01-01", email })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { userId: user.id, memberId: member.id, email, name };
  });
}

/** `count` candidates at the shadow shift step. */
export async function insertShadowApplications(orgId: string, vacancyId: string, count: number) {
  const people = await insertInvitedApplications(orgId, vacancyId, count);
  await advanceTo(
    orgId,
    people.map((p) => p.applicationId),
    "shadow",
  );
  return people;
}

/** A shift straight into the database (for times the use cases refuse, such as the past). */
export async function insertShift(
  orgId: string,
  shift: {
    teamId: string;
    hostMemberId: string;
    applicationId?: string;
    status?: "open" | "proposed" | "confirmed" | "cancelled";
    startsAt: Date;
    hours?: number;
    visitDetails?: string;
  },
) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const row = await trx
      .insertInto("shadowShifts")
      .values({
        teamId: shift.teamId,
        hostMemberId: shift.hostMemberId,
        applicationId: shift.applicationId ?? null,
        origin: shift.applicationId ? "proposed" : "offered",
        status: shift.status ?? (shift.applicationId ? "confirmed" : "open"),
        startsAt: shift.startsAt,
        endsAt: new Date(shift.startsAt.getTime() + (shift.hours ?? 4) * 3_600_000),
        meetingPoint: "Ashdown office",
        visitDetails: shift.visitDetails ?? "Mrs B, 8 Hill Road",
      })
      .returning(["id", "sequence"])
      .executeTakeFirstOrThrow();
    return {
      shiftId: row.id,
      sequence: row.sequence,
      startsAt: shift.startsAt,
      endsAt: new Date(shift.startsAt.getTime() + (shift.hours ?? 4) * 3_600_000),
    };
  });
}

export async function candidateCookie(orgId: string, candidateId: string) {
  return (await withOrg(ownerDb(), orgId, (trx) => startSession(trx, { candidateId }))).split(";")[0];
}

/** A London date `days` from now (YYYY-MM-DD), for the shift form. */
export const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
