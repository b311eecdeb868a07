import type { Tx } from "#db/client.js";
import type { VoteQuorum, VoteRule, VoteVisibility } from "#db/schema.js";

export type OrgSettings = {
  surveyThreshold: number;
  surveyReminderDays: number[];
  workshopMinAttendees: number;
  voteRule: VoteRule;
  voteQuorum: VoteQuorum;
  voteWindowHours: number;
  voteVisibility: VoteVisibility;
  /** Team mix: target share of experienced members and its band, whole percent. */
  mixTarget: number;
  mixBandLow: number;
  mixBandHigh: number;
  /** Months a candidate's personal data is kept after their last application closed (longer with consent to hear about future jobs). */
  retentionMonths: number;
  retentionMonthsFutureJobs: number;
  staffRetentionMonths: number;
  /** The organisation's own words for the decline email, by stage (a stage left out uses ours). */
  declineWords: Record<string, string>;
  /** The public contact email (Reply-To of its emails), and the sender name; null when not set. */
  contactEmail: string | null;
  senderName: string | null;
};

export const DEFAULT_SETTINGS: OrgSettings = {
  surveyThreshold: 60,
  surveyReminderDays: [2, 5],
  workshopMinAttendees: 8,
  voteRule: "consent",
  voteQuorum: "two_thirds",
  voteWindowHours: 72,
  voteVisibility: "secret",
  mixTarget: 50,
  mixBandLow: 40,
  mixBandHigh: 60,
  retentionMonths: 6,
  retentionMonthsFutureJobs: 12,
  staffRetentionMonths: 24,
  declineWords: {},
  contactEmail: null,
  senderName: null,
};

export async function getOrgSettings(trx: Tx): Promise<OrgSettings> {
  const row = await trx
    .selectFrom("orgSettings")
    .select([
      "surveyThreshold",
      "surveyReminderDays",
      "workshopMinAttendees",
      "voteRule",
      "voteQuorum",
      "voteWindowHours",
      "voteVisibility",
      "mixTarget",
      "mixBandLow",
      "mixBandHigh",
      "retentionMonths",
      "retentionMonthsFutureJobs",
      "staffRetentionMonths",
      "declineWords",
      "contactEmail",
      "senderName",
    ])
    .executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

/** Saves the settings given; the others keep their value (or their default). */
export async function saveOrgSettings(trx: Tx, settings: Partial<OrgSettings>) {
  const { declineWords, ...rest } = settings;
  const values = { ...rest, ...(declineWords ? { declineWords: JSON.stringify(declineWords) } : {}) };
  await trx
    .insertInto("orgSettings")
    .values(values)
    .onConflict((oc) => oc.column("orgId").doUpdateSet(values))
    .execute();
}
