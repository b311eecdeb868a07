import type { Tx } from "#db/client.js";
import { listTeamAlerts } from "../teams/team-mix.server.js";
import { findUserForEmail } from "#db/queries/users.js";
import type { ComposeContext, Composed } from "./compose.js";
import { firstName } from "../names.js";
import { formatDay, LONG_DATE } from "../dates.js";

/** The lead's weekly digest of team alerts, as they stand when the email is composed. */
export async function composeMixEmail(trx: Tx, payload: Record<string, string>, ctx: ComposeContext): Promise<Composed> {
  const [lead, alerts] = await Promise.all([findUserForEmail(trx, payload.userId), listTeamAlerts(trx)]);
  const week = formatDay(payload.week, { weekday: "long", ...LONG_DATE });
  return {
    to: lead.email,
    email: {
      template: "team-mix-digest",
      props: {
        name: firstName(lead.name),
        orgName: ctx.orgName,
        week,
        alerts: alerts.map((a) => ({ teamName: a.teamName, title: a.title, text: a.text })),
        teamsUrl: `${ctx.appUrl}/teams`,
      },
    },
  };
}
