import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";

/** Our notice, for an organisation that has not written its own: plain paragraphs, blank lines between them. */
export function defaultPrivacyNotice(orgName: string, months: number, monthsFutureJobs: number) {
  return [
    `${orgName} uses Circle Hire to run its hiring. This explains, in plain words, what happens to the answers you give when you apply.`,
    "What we keep: your name, email address, phone number, town or postcode, when you could work, whether you have worked in care before, how you heard about the job, whether you have the right to work in the UK, and anything you tell us that would make the next steps easier for you. Later, your survey answers, your workshop and shadow shift, and what the team said.",
    `Why we keep it: only to consider you for jobs with ${orgName}, and to keep in touch with you about your application.`,
    `Who sees it: staff of ${orgName} who help with hiring, and members of the team you would join. Other care providers using Circle Hire never see it.`,
    `How long we keep it: while your application is open, then ${months} months after it closes (${monthsFutureJobs} months if you asked to hear about other jobs). Then we delete it. We keep only counts with no name on them.`,
    `Your rights: you can see and download everything we hold about you, and delete it, at any time from "Your applications". You can also ask ${orgName} directly.`,
  ].join("\n\n");
}

/** The notice candidates agree to now: the newest published version, or ours (version 0). */
export async function currentPrivacyNotice(trx: Tx) {
  const own = await trx
    .selectFrom("privacyNotices")
    .select(["version", "body", "publishedAt"])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (own) return own;
  const [org, settings] = await Promise.all([
    trx.selectFrom("organisations").select("name").where("id", "=", sql<string>`current_org_id()`).executeTakeFirstOrThrow(),
    getOrgSettings(trx),
  ]);
  return {
    version: 0,
    body: defaultPrivacyNotice(org.name, settings.retentionMonths, settings.retentionMonthsFutureJobs),
    publishedAt: null,
  };
}

/** Publishes a new version of the organisation's notice (earlier versions stay, unchanged). */
export async function publishPrivacyNotice(trx: Tx, body: string, actor: { userId: string | null; name: string }) {
  await sql`select pg_advisory_xact_lock(hashtext('privacy-notice' || current_org_id()::text))`.execute(trx);
  const latest = await trx
    .selectFrom("privacyNotices")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await trx.insertInto("privacyNotices").values({ version, body: body.trim(), publishedByName: actor.name }).execute();
  await recordAudit(trx, {
    actor,
    kind: "settings",
    action: "settings.privacy-notice",
    summary: `Published privacy notice version ${version}`,
    after: { version },
  });
  return { version };
}
