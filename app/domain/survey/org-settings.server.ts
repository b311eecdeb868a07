import type { Tx } from "#db/client.js";

export type OrgSettings = { surveyThreshold: number; surveyReminderDays: number[]; workshopMinAttendees: number };

export const DEFAULT_SETTINGS: OrgSettings = { surveyThreshold: 60, surveyReminderDays: [2, 5], workshopMinAttendees: 8 };

export async function getOrgSettings(trx: Tx): Promise<OrgSettings> {
  const row = await trx
    .selectFrom("orgSettings")
    .select(["surveyThreshold", "surveyReminderDays", "workshopMinAttendees"])
    .executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

export async function saveOrgSettings(
  trx: Tx,
  settings: Pick<OrgSettings, "surveyThreshold" | "surveyReminderDays"> & Partial<OrgSettings>,
) {
  await trx
    .insertInto("orgSettings")
    .values(settings)
    .onConflict((oc) => oc.column("orgId").doUpdateSet(settings))
    .execute();
}
