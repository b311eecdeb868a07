import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { findApplicationForEmail } from "#db/queries/applications.js";
import { declineWordsFor, isDeclineStage } from "../applications/outcome-words.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { firstName } from "../names.js";
import type { ComposeContext, Composed } from "./compose.js";

export const isOutcomeEmail = (kind: string) => kind === "application-declined" || kind === "application-withdrawn";

/** How an application ended, told to the candidate: the stage's words (the organisation's own, or ours) and the lead's line. */
export async function composeOutcomeEmail(trx: Tx, kind: string, payload: Record<string, string>, ctx: ComposeContext): Promise<Composed> {
  const [app, settings, org] = await Promise.all([
    findApplicationForEmail(trx, payload.applicationId),
    getOrgSettings(trx),
    trx.selectFrom("organisations").select("slug").where("id", "=", sql<string>`current_org_id()`).executeTakeFirstOrThrow(),
  ]);
  const base = { name: firstName(app.fullName), orgName: ctx.orgName, jobTitle: app.title, jobsUrl: `${ctx.appUrl}/o/${org.slug}/jobs` };
  if (kind === "application-withdrawn")
    return { to: app.email, email: { template: "application-outcome", props: { ...base, variant: "withdrawn" } } };
  const stage = isDeclineStage(payload.stage) ? payload.stage : "applied";
  return {
    to: app.email,
    email: {
      template: "application-outcome",
      props: {
        ...base,
        variant: "declined",
        words: declineWordsFor(stage, settings.declineWords),
        personalLine: payload.personalLine?.trim() || undefined,
      },
    },
  };
}
