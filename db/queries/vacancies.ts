import type { Tx } from "../client.js";

const vacancyColumns = [
  "vacancies.id",
  "vacancies.title",
  "vacancies.town",
  "vacancies.hours",
  "vacancies.summary",
  "vacancies.status",
  "vacancies.teamId",
  "teams.name as teamName",
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
