import { sql } from "kysely";
import type { DB, Tx } from "../client.js";

const vacancyColumns = [
  "vacancies.id",
  "vacancies.title",
  "vacancies.town",
  "vacancies.hours",
  "vacancies.summary",
  "vacancies.status",
  "vacancies.teamId",
  "teams.name as teamName",
  "vacancies.postcode",
  "vacancies.payMinPence",
  "vacancies.payMaxPence",
  "vacancies.contractType",
  "vacancies.closesOn",
  "vacancies.description",
  "vacancies.publishedAt",
  "vacancies.closedAt",
  "vacancies.createdAt",
] as const;

export function listOpenVacancies(trx: Tx) {
  return trx
    .selectFrom("vacancies")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .select(vacancyColumns)
    .where("vacancies.status", "=", "open")
    .orderBy("vacancies.createdAt", "desc")
    .execute();
}

export function listVacancies(trx: Tx) {
  return trx
    .selectFrom("vacancies")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .select(vacancyColumns)
    .orderBy("vacancies.title")
    .execute();
}

export function findVacancyById(trx: Tx, id: string) {
  return trx
    .selectFrom("vacancies")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .select(vacancyColumns)
    .where("vacancies.id", "=", id)
    .executeTakeFirst();
}

/** A vacancy to change, locked, with every field the form edits. */
export function lockVacancyById(trx: Tx, id: string) {
  return trx
    .selectFrom("vacancies")
    .select([
      "id",
      "status",
      "title",
      "teamId",
      "town",
      "postcode",
      "hours",
      "payMinPence",
      "payMaxPence",
      "contractType",
      "closesOn",
      "summary",
      "description",
      "publishedAt",
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** Every vacancy for the staff list, drafts first, with how many applications each has. */
export function listVacanciesForStaff(trx: Tx) {
  return trx
    .selectFrom("vacancies")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .select(vacancyColumns)
    .select((eb) =>
      eb
        .selectFrom("applications")
        .whereRef("applications.vacancyId", "=", "vacancies.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("applications"),
    )
    .orderBy(sql`case vacancies.status when 'draft' then 0 when 'open' then 1 else 2 end`)
    .orderBy("vacancies.createdAt", "desc")
    .execute();
}

/** Whether the organisation in scope has confirmed its first admin's email (no publishing before). */
export async function isOrganisationConfirmed(trx: Tx) {
  const row = await trx
    .selectFrom("organisations")
    .select("confirmedAt")
    .where("id", "=", sql<string>`current_org_id()`)
    .executeTakeFirst();
  return Boolean(row?.confirmedAt);
}

/** Organisations with an open vacancy past its closing date, across organisations (ids only). */
export async function listOrgsWithVacanciesPastClosing(db: Tx | DB, today: string) {
  const { rows } = await sql<{ orgId: string }>`select distinct org_id from vacancies_past_closing(${today}::date)`.execute(db);
  return rows.map((r) => r.orgId);
}
