import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { DiversityAnswersTable } from "../schema.js";
import { type AnalyticsFilters, where } from "./analytics.js";

// The only module that reads or writes diversity_answers. Staff pages read the answers in
// aggregate only, from the People rollup (countAnswers, countPlaces); the candidate reads and
// writes their own answers (the route checks the application is theirs). A test checks no other
// module names the table.

/** "Not answered": applications with no monitoring answers (the group keeps the totals whole). */
export const NOT_ANSWERED = "not_answered";

/** A monitoring question (as in app/domain/diversity/monitoring.ts) and one of its answers. */
export type AnswerSlot = { question: string; answer: string };
export type GroupTotals = { applications: number; attended: number; hired: number };

const MEASURES = ["applications", "attended", "hired"] as const;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The cohort (the dashboard's filters) counted per monitoring answer, from the People rollup
 * (people_monthly: one column per answer and measure, e.g. gender_woman_hired). `slots` are the
 * questions' answers plus NOT_ANSWERED; a slot the rollup has no column for is an error (the
 * answers and the rollup change together, in a migration).
 */
export async function countAnswers(trx: Tx, f: AnalyticsFilters, slots: AnswerSlot[]) {
  const columns = slots.flatMap(({ question, answer }) => MEASURES.map((m) => `${snake(question)}_${answer}_${m}`));
  const row = await trx
    .selectFrom("peopleMonthly")
    .select(columns.map((column, i) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::int`.as(`c${i}`)))
    .where(where(f, "peopleMonthly"))
    .executeTakeFirstOrThrow();
  const sums = row as Record<string, number>;
  return slots.map((slot, s) => {
    const [applications, attended, hired] = MEASURES.map((_, m) => sums[`c${s * MEASURES.length + m}`]);
    return { ...slot, applications, attended, hired };
  });
}

/** The cohort counted per place (the application's location, tidied by the rollup), largest first. */
export function countPlaces(trx: Tx, f: AnalyticsFilters): Promise<({ place: string } & GroupTotals)[]> {
  return trx
    .selectFrom("peoplePlacesMonthly")
    .select([
      "place",
      sql<number>`sum(applications)::int`.as("applications"),
      sql<number>`sum(attended)::int`.as("attended"),
      sql<number>`sum(hired)::int`.as("hired"),
    ])
    .where(where(f, "peoplePlacesMonthly"))
    .groupBy("place")
    .orderBy(sql`sum(applications)`, "desc")
    .orderBy("place")
    .execute();
}

/** The candidate's own answers for one of their applications (for their form only). */
export function findMyMonitoring(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("diversityAnswers")
    .select(["ageBand", "gender", "disability", "ethnicity", "caring"])
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
}

/** One answer per question (the keys of MONITORING_QUESTIONS' options, checked by MonitoringSchema). */
export type MonitoringRow = Pick<DiversityAnswersTable, "ageBand" | "gender" | "disability" | "ethnicity" | "caring">;

export async function saveMyMonitoring(trx: Tx, applicationId: string, answers: MonitoringRow) {
  await trx
    .insertInto("diversityAnswers")
    .values({ applicationId, ...answers })
    .onConflict((oc) => oc.column("applicationId").doUpdateSet({ ...answers, answeredAt: sql`now()` }))
    .execute();
}

export async function deleteMyMonitoring(trx: Tx, applicationId: string) {
  await trx.deleteFrom("diversityAnswers").where("applicationId", "=", applicationId).execute();
}

/** A person's own answers across their applications, for their own copy of their data only (never staff's). */
export function listMyMonitoring(trx: Tx, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("diversityAnswers")
    .select(["ageBand", "gender", "disability", "ethnicity", "caring", "answeredAt"])
    .where("applicationId", "in", applicationIds)
    .execute();
}

/** How many of these applications have answers: what the staff export may say (that they exist, never what they are). */
export async function countMonitoring(trx: Tx, applicationIds: string[]) {
  if (applicationIds.length === 0) return 0;
  const row = await trx
    .selectFrom("diversityAnswers")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("applicationId", "in", applicationIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Erasure: the answers go (the frozen facts keep the anonymous counts). */
export async function deleteMonitoringFor(trx: Tx, applicationIds: string[]) {
  if (applicationIds.length === 0) return;
  await trx.deleteFrom("diversityAnswers").where("applicationId", "in", applicationIds).execute();
}
