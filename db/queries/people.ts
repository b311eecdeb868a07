import { sql } from "kysely";
import type { AnalyticsFilters } from "#app/domain/analytics/filters.js";
import type { MonitoringAnswers } from "#app/domain/diversity/monitoring.js";
import type { Tx } from "../client.js";
import { where } from "./analytics.js";

// The only module that reads or writes diversity_answers. Staff pages read it in aggregate only
// (countPeople); the candidate reads and writes their own answers (the route checks the
// application is theirs). A test checks no other module names the table.

/** "Not answered": applications with no monitoring answers (the group keeps the totals whole). */
export const NOT_ANSWERED = "not_answered";

// Raw, so the SELECT list and the GROUPING SETS are the same expressions (parameters would differ).
const answer = (column: string) => sql.raw(`coalesce(diversity_answers.${column}, '${NOT_ANSWERED}')`);
const place = sql.raw(
  "coalesce(nullif(upper(left(btrim(applications.location), 1)) || substr(btrim(applications.location), 2), ''), 'Not given')",
);

export type PeopleCountRow = {
  ageBand: string | null;
  gender: string | null;
  disability: string | null;
  ethnicity: string | null;
  caring: string | null;
  location: string | null;
  applications: number;
  attended: number;
  hired: number;
};

/**
 * The cohort (the dashboard's filters, on application_facts) counted by each monitoring answer and
 * by location, in one pass: one GROUPING SET per question, so in each row exactly one of the
 * answer columns is set. Applications without answers count as NOT_ANSWERED.
 */
export function countPeople(trx: Tx, f: AnalyticsFilters): Promise<PeopleCountRow[]> {
  return trx
    .selectFrom("applicationFacts")
    .innerJoin("applications", "applications.id", "applicationFacts.applicationId")
    .leftJoin("diversityAnswers", "diversityAnswers.applicationId", "applicationFacts.applicationId")
    .select([
      sql<string | null>`case when grouping(${answer("age_band")}) = 0 then ${answer("age_band")} end`.as("ageBand"),
      sql<string | null>`case when grouping(${answer("gender")}) = 0 then ${answer("gender")} end`.as("gender"),
      sql<string | null>`case when grouping(${answer("disability")}) = 0 then ${answer("disability")} end`.as("disability"),
      sql<string | null>`case when grouping(${answer("ethnicity")}) = 0 then ${answer("ethnicity")} end`.as("ethnicity"),
      sql<string | null>`case when grouping(${answer("caring")}) = 0 then ${answer("caring")} end`.as("caring"),
      sql<string | null>`case when grouping(${place}) = 0 then ${place} end`.as("location"),
      sql<number>`count(*)::int`.as("applications"),
      sql<number>`count(application_facts.attended_at)::int`.as("attended"),
      sql<number>`count(application_facts.started_at)::int`.as("hired"),
    ])
    .where(where(f, "applicationFacts"))
    .groupBy(
      sql`grouping sets ((${answer("age_band")}), (${answer("gender")}), (${answer("disability")}), (${answer("ethnicity")}), (${answer("caring")}), (${place}))`,
    )
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

export async function saveMyMonitoring(trx: Tx, applicationId: string, answers: MonitoringAnswers) {
  await trx
    .insertInto("diversityAnswers")
    .values({ applicationId, ...answers })
    .onConflict((oc) => oc.column("applicationId").doUpdateSet({ ...answers, answeredAt: sql`now()` }))
    .execute();
}

export async function deleteMyMonitoring(trx: Tx, applicationId: string) {
  await trx.deleteFrom("diversityAnswers").where("applicationId", "=", applicationId).execute();
}
