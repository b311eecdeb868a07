import type { Tx } from "#db/client.js";
import { findUserForEmail } from "#db/queries/users.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import type { ComposeContext, Composed } from "./compose.js";
import { firstName } from "../names.js";
import { formatUkDay } from "../offers/offer-rules.js";

/** The admins' note after the nightly retention run: counts only, never names. */
export async function composeRetentionReport(trx: Tx, payload: Record<string, string | number>, ctx: ComposeContext): Promise<Composed> {
  const [user, settings] = await Promise.all([findUserForEmail(trx, String(payload.userId)), getOrgSettings(trx)]);
  return {
    to: user.email,
    email: {
      template: "retention-report",
      props: {
        name: firstName(user.name),
        orgName: ctx.orgName,
        day: formatUkDay(String(payload.day)),
        erased: Number(payload.erased),
        retentionMonths: settings.retentionMonths,
        staffErased: Number(payload.staffErased ?? 0),
        staffRetentionMonths: settings.staffRetentionMonths,
        settingsUrl: `${ctx.appUrl}/settings/privacy`,
      },
    },
  };
}
