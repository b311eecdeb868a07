import { randomBytes } from "node:crypto";
import type { Stage } from "#app/domain/applications/stages.js";
import type { MonitoringAnswers } from "#app/domain/diversity/monitoring.schema.js";
import type { Experience } from "#db/schema.js";
import type { Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { ownerDb } from "./org.js";

const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One application's story, written the way the app writes it (application, timeline events,
 * survey, workshop booking, offer, team membership), so the analytics triggers see real data.
 * Times are in days before now.
 */
export type Story = {
  vacancyId: string;
  teamId: string;
  source: string;
  experience?: Experience;
  applied: number;
  surveyDone?: number;
  booked?: number;
  workshop?: { at: number; attendance: "attended" | "late" | "no_show" };
  stages?: [Stage, number][];
  exit?: { kind: "withdrawn" | "declined"; at: number; reason: string };
  offer?: { accepted: number; status: "accepted" | "withdrawn" | "started" | "no_show"; startedDaysAgo?: number; leftAfterDays?: number };
  /** The optional equal opportunities answers (none when absent). */
  diversity?: MonitoringAnswers;
  /** The town or postcode given (default "Ashdown"). */
  location?: string;
};

export async function insertStories(orgId: string, stories: Story[]) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const version = await surveyVersion(trx);
    const ids: string[] = [];
    for (const s of stories) ids.push(await insertStory(trx, s, version));
    return ids;
  });
}

async function surveyVersion(trx: Tx) {
  const found = await trx.selectFrom("surveyVersions").select("id").executeTakeFirst();
  if (found) return found.id;
  return (
    await trx
      .insertInto("surveyVersions")
      .values({ version: 1, status: "live", definition: JSON.stringify({ values: [], items: [] }) })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function insertStory(trx: Tx, s: Story, versionId: string) {
  const tag = randomBytes(4).toString("hex");
  const candidate = await trx
    .insertInto("candidates")
    .values({ email: `c.${tag}@example.com`, fullName: `Person ${tag}`, phone: "07700 900000" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const stages: [Stage, number][] = s.stages ?? [];
  const finalStage: Stage = s.exit ? s.exit.kind : (stages.at(-1)?.[0] ?? "applied");
  const app = await trx
    .insertInto("applications")
    .values({
      candidateId: candidate.id,
      vacancyId: s.vacancyId,
      stage: finalStage,
      experience: s.experience ?? "new_to_care",
      source: s.source,
      location: s.location ?? "Ashdown",
      availability: [],
      rightToWork: true,
      adjustments: [],
      adjustmentsNote: "",
      createdAt: daysAgo(s.applied),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = (from: Stage | null, to: Stage, at: number, reason: string | null = null) =>
    trx
      .insertInto("applicationEvents")
      .values({ applicationId: app.id, fromStage: from, toStage: to, actorName: "Test", reason, createdAt: daysAgo(at) })
      .execute();
  await event(null, "applied", s.applied);
  let previous: Stage = "applied";
  for (const [stage, at] of stages) {
    await event(previous, stage, at);
    previous = stage;
  }
  if (s.exit) await event(previous, s.exit.kind, s.exit.at, s.exit.reason);
  if (s.diversity)
    await trx
      .insertInto("diversityAnswers")
      .values({ applicationId: app.id, ...s.diversity })
      .execute();
  if (s.surveyDone !== undefined) {
    await trx
      .insertInto("surveyResponses")
      .values({ versionId, applicationId: app.id, startedAt: daysAgo(s.applied), completedAt: daysAgo(s.surveyDone) })
      .execute();
  }
  if (s.booked !== undefined && s.workshop) {
    const startsAt = daysAgo(s.workshop.at);
    const workshop = await trx
      .insertInto("workshops")
      .values({ startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000), venueName: "Hall", venueAddress: "1 High St" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("workshopBookings")
      .values({
        workshopId: workshop.id,
        applicationId: app.id,
        bookedAt: daysAgo(s.booked),
        attendance: s.workshop.attendance,
        status: s.workshop.attendance === "no_show" ? "cancelled" : "booked",
      })
      .execute();
  }
  if (s.offer) {
    const o = s.offer;
    const started = o.startedDaysAgo !== undefined ? isoDay(daysAgo(o.startedDaysAgo)) : null;
    const member = started
      ? await trx
          .insertInto("teamMembers")
          .values({
            teamId: s.teamId,
            name: `Person ${tag}`,
            experience: s.experience ?? "new_to_care",
            joinedOn: started,
            leftOn:
              o.leftAfterDays !== undefined
                ? isoDay(new Date(daysAgo(o.startedDaysAgo as number).getTime() + o.leftAfterDays * DAY))
                : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      : null;
    await trx
      .insertInto("offers")
      .values({
        applicationId: app.id,
        teamId: s.teamId,
        roleTitle: "Care worker",
        hours: "25",
        pay: "£12.60",
        startDate: started ?? isoDay(daysAgo(o.accepted - 14)),
        status: o.status,
        createdByName: "Test",
        acceptedAt: daysAgo(o.accepted),
        startedOn: started,
        memberId: member?.id ?? null,
      })
      .execute();
  }
  return app.id;
}
