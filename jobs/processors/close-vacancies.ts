import { getDb } from "#db/client.js";
import { sweepVacancyClosing } from "#app/domain/vacancies/close-past-closing.server.js";
import { runInOrg } from "../run-in-org.js";

export const CLOSE_VACANCIES_JOB = "close-vacancies";

/** Hourly: closes every open vacancy past its closing date, once (the domain re-checks the status). */
export async function closeVacanciesProcessor() {
  return sweepVacancyClosing(getDb(), runInOrg, new Date());
}
