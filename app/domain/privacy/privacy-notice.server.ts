import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";

/** Our notice, for an organisation that has not written its own: plain paragraphs, blank lines between them. */
export function defaultPrivacyNotice(orgName: string, months: number, monthsFutureJobs: number) {
  return [
    `${orgName} uses Circle Hire to run its hiring. This page says what happens to what you tell us when you apply.`,
    "What we keep. Your name, email and phone number. Your town or postcode. When you could work. If you have worked in care before. How you heard about the job. If you can work in the UK. Anything that would make the next steps easier for you. Later, we also keep your survey answers and notes from your workshop and shadow shift.",
    `Why we keep it. We use it to think about you for jobs with ${orgName}. We also use it to tell you how your application is going.`,
    `Who sees it. Staff at ${orgName} who help with hiring see it. So do people in the team you would join. Other care firms that use Circle Hire never see it.`,
    `How long we keep it. We keep it while your application is open. Then we keep it for ${months} more months, or ${monthsFutureJobs} months if you asked to hear about other jobs. Then we delete it. We only keep counts with no name on them.`,
    `Your rights. You can see, download or delete all we hold about you at any time. Go to "Your applications" to do this. You can also ask ${orgName}.`,
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
