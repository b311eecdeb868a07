import { isOrganisationConfirmed, lockVacancyById } from "#db/queries/vacancies.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { londonDay } from "../london-day.js";
import type { Actor } from "../teams/actor.js";
import { VacancyError } from "./vacancy.errors.js";

export type VacancyStatusChange = "publish" | "close" | "reopen";

const FROM: Record<VacancyStatusChange, string> = { publish: "draft", close: "open", reopen: "closed" };
const WRONG: Record<VacancyStatusChange, string> = {
  publish: "Only a draft can be published",
  close: "Only an open vacancy can be closed",
  reopen: "Only a closed vacancy can be reopened",
};

/**
 * Publishes a draft, closes an open vacancy or reopens a closed one. Publishing and reopening need
 * a closing date today or later, and publishing needs the organisation to be confirmed (its first
 * admin has confirmed their email). Closing leaves applications already made to carry on.
 */
export async function changeVacancyStatus(
  { trx }: UseCaseContext,
  args: { vacancyId: string; change: VacancyStatusChange; actor: Actor; now?: Date },
) {
  const vacancy = await lockVacancyById(trx, args.vacancyId);
  if (!vacancy) throw new VacancyError("not_found", "We could not find that vacancy.");
  if (vacancy.status !== FROM[args.change]) throw new VacancyError("wrong_status", WRONG[args.change]);
  const now = args.now ?? new Date();
  if (args.change !== "close") {
    if (args.change === "publish" && !(await isOrganisationConfirmed(trx)))
      throw new VacancyError(
        "not_confirmed",
        "Your organisation cannot publish vacancies until its first admin has confirmed their email address. Check their inbox for the confirmation link.",
      );
    if (!vacancy.closesOn || vacancy.closesOn < londonDay(now))
      throw new VacancyError("invalid", "Set a closing date of today or later first (edit the vacancy)", "closesOn");
    if (!vacancy.payMinPence || !vacancy.contractType || !vacancy.postcode || !vacancy.description)
      throw new VacancyError("invalid", "Fill in the pay, contract type, postcode and description first (edit the vacancy)");
  }
  const status = args.change === "close" ? "closed" : "open";
  await trx
    .updateTable("vacancies")
    .set({
      status,
      updatedAt: now,
      closedAt: status === "closed" ? now : null,
      ...(args.change === "publish" && { publishedAt: now }),
    })
    .where("id", "=", vacancy.id)
    .execute();
  const verb = { publish: "Published", close: "Closed", reopen: "Reopened" }[args.change];
  await recordAudit(trx, {
    actor: args.actor,
    kind: "vacancy",
    action: `vacancy.${args.change}`,
    subjectId: vacancy.id,
    summary: `${verb} the vacancy ${vacancy.title}`,
    before: { status: vacancy.status },
    after: { status },
  });
}
