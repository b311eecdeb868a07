import { findTeamById } from "#db/queries/teams.js";
import { lockVacancyById } from "#db/queries/vacancies.js";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import type { Actor } from "../teams/actor.js";
import { toPence, type VacancyInput } from "./vacancy.schema.js";
import { VacancyError } from "./vacancy.errors.js";

function row(input: VacancyInput) {
  const payMinPence = toPence(input.payFrom) ?? null;
  return {
    title: input.title,
    teamId: input.teamId,
    town: input.town,
    postcode: input.postcode,
    hours: input.hours,
    payMinPence,
    payMaxPence: toPence(input.payTo) ?? payMinPence,
    contractType: input.contractType,
    closesOn: input.closesOn,
    summary: input.summary,
    description: input.description,
  };
}

async function checkTeam(trx: Tx, teamId: string) {
  const team = await trx.selectFrom("teams").select(["id", "archivedAt"]).where("id", "=", teamId).executeTakeFirst();
  if (!team || team.archivedAt) throw new VacancyError("invalid", "Choose one of the organisation's active teams", "teamId");
}

/** A lead drafts a vacancy: nobody outside sees it until it is published. */
export async function createVacancy({ trx }: UseCaseContext, args: VacancyInput & { actor: Actor }) {
  const { actor, ...input } = args;
  await checkTeam(trx, input.teamId);
  const values = row(input);
  const vacancy = await trx
    .insertInto("vacancies")
    .values({ ...values, status: "draft" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const team = await findTeamById(trx, input.teamId);
  await recordAudit(trx, {
    actor,
    kind: "vacancy",
    action: "vacancy.create",
    subjectId: vacancy.id,
    summary: `Drafted the vacancy ${input.title} (${team?.name ?? "team"})`,
    after: values,
  });
  return vacancy.id;
}

/** Edits a vacancy in any state; an open one changes on the careers page at once. */
export async function updateVacancy({ trx }: UseCaseContext, args: VacancyInput & { vacancyId: string; actor: Actor }) {
  const { actor, vacancyId, ...input } = args;
  const vacancy = await lockVacancyById(trx, vacancyId);
  if (!vacancy) throw new VacancyError("not_found", "We could not find that vacancy.");
  if (input.teamId !== vacancy.teamId) await checkTeam(trx, input.teamId);
  const values = row(input);
  const change = changedFields(vacancy, values);
  if (!change) return;
  await trx
    .updateTable("vacancies")
    .set({ ...values, updatedAt: new Date() })
    .where("id", "=", vacancy.id)
    .execute();
  await recordAudit(trx, {
    actor,
    kind: "vacancy",
    action: "vacancy.edit",
    subjectId: vacancy.id,
    summary: `Edited the vacancy ${input.title}`,
    ...change,
  });
}
