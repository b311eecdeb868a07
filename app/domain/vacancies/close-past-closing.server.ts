import type { DB } from "#db/client.js";
import { listOrgsWithVacanciesPastClosing } from "#db/queries/vacancies.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { londonDay } from "../london-day.js";

/** The closing job is named as the actor in the vacancy's history. */
export const CLOSING_DATE_ACTOR = { userId: null, name: "Closing date" };

/**
 * Closes the organisation's open vacancies whose closing date (the last UK day they take
 * applications) is before `today`. The update only touches vacancies still open, so running it
 * twice, or after a lead closed one by hand, closes each exactly once.
 */
export async function closeVacanciesPastClosing({ trx }: UseCaseContext, now = new Date()) {
  const today = londonDay(now);
  const closed = await trx
    .updateTable("vacancies")
    .set({ status: "closed", closedAt: now, updatedAt: now })
    .where("status", "=", "open")
    .where("closesOn", "<", today)
    .returning(["id", "title", "closesOn"])
    .execute();
  for (const vacancy of closed) {
    await recordAudit(trx, {
      actor: CLOSING_DATE_ACTOR,
      kind: "vacancy",
      action: "vacancy.close",
      subjectId: vacancy.id,
      summary: `Closed the vacancy ${vacancy.title}: its closing date (${vacancy.closesOn}) has passed`,
      before: { status: "open" },
      after: { status: "closed" },
    });
  }
  return closed.length;
}

/** Every organisation with a vacancy past its closing date, each in its own transaction. */
export async function sweepVacancyClosing(db: DB, run: OrgRunner, now = new Date()) {
  let closed = 0;
  for (const orgId of await listOrgsWithVacanciesPastClosing(db, londonDay(now)))
    closed += await run(orgId, (ctx) => closeVacanciesPastClosing(ctx, now));
  return { closed };
}
