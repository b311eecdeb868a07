import * as z from "zod/mini";
import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { DEFAULT_SURVEY } from "./default-survey.js";
import { SurveyError } from "./survey.errors.js";
import { type SurveyDefinition, SurveyDefinitionSchema } from "./survey.schema.js";
import { recordAudit } from "../audit/record-audit.server.js";

export type SurveyVersion = { id: string; version: number; status: string; definition: SurveyDefinition };

const columns = ["id", "version", "status", "definition"] as const;

/** The organisation's live survey; an organisation without one starts with the default survey. */
export async function findLiveSurvey(trx: Tx): Promise<SurveyVersion> {
  const live = await trx.selectFrom("surveyVersions").select(columns).where("status", "=", "live").executeTakeFirst();
  if (live) return live as SurveyVersion;
  await trx
    .insertInto("surveyVersions")
    .values({ version: 1, status: "live", definition: JSON.stringify(DEFAULT_SURVEY), publishedAt: sql`now()` })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await trx.selectFrom("surveyVersions").select(columns).where("status", "=", "live").executeTakeFirstOrThrow()) as SurveyVersion;
}

export async function findSurveyVersion(trx: Tx, id: string): Promise<SurveyVersion> {
  return (await trx.selectFrom("surveyVersions").select(columns).where("id", "=", id).executeTakeFirstOrThrow()) as SurveyVersion;
}

export async function findDraftSurvey(trx: Tx): Promise<SurveyVersion | undefined> {
  return (await trx.selectFrom("surveyVersions").select(columns).where("status", "=", "draft").executeTakeFirst()) as
    | SurveyVersion
    | undefined;
}

/**
 * Saves an edit as the draft version (created from the live one the first time). Answered
 * versions are never changed: candidates keep the version they started.
 */
export async function saveDraftSurvey(trx: Tx, definition: SurveyDefinition): Promise<SurveyVersion> {
  const parsed = z.safeParse(SurveyDefinitionSchema, definition);
  if (!parsed.success) throw new SurveyError("invalid", "The survey is not complete: every value needs a name and every item needs text.");
  const draft = await findDraftSurvey(trx);
  if (draft) {
    await trx
      .updateTable("surveyVersions")
      .set({ definition: JSON.stringify(parsed.data) })
      .where("id", "=", draft.id)
      .execute();
    return { ...draft, definition: parsed.data };
  }
  await findLiveSurvey(trx);
  const { max } = await trx
    .selectFrom("surveyVersions")
    .select((eb) => eb.fn.max("version").as("max"))
    .executeTakeFirstOrThrow();
  const created = await trx
    .insertInto("surveyVersions")
    .values({ version: Number(max) + 1, status: "draft", definition: JSON.stringify(parsed.data) })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return created as SurveyVersion;
}

/** The draft becomes the live survey; the previous live version is retired (its answers stay). */
/** Publishes the draft as the live survey (on the audit log when someone is named). */
export async function publishDraftSurvey(trx: Tx, actor?: { userId: string | null; name: string }) {
  const draft = await findDraftSurvey(trx);
  if (!draft) throw new SurveyError("no_draft", "There are no changes to publish.");
  await trx.updateTable("surveyVersions").set({ status: "retired" }).where("status", "=", "live").execute();
  await trx.updateTable("surveyVersions").set({ status: "live", publishedAt: sql`now()` }).where("id", "=", draft.id).execute();
  if (actor) {
    await recordAudit(trx, {
      actor,
      kind: "settings",
      action: "settings.survey-published",
      subjectId: draft.id,
      summary: `Published version ${draft.version} of the values survey`,
    });
  }
  return draft.version;
}

export async function discardDraftSurvey(trx: Tx) {
  await trx.deleteFrom("surveyVersions").where("status", "=", "draft").execute();
}
