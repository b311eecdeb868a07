import type { Tx } from "#db/client.js";
import { findUserForEmail } from "#db/queries/users.js";
import { CONFIRM_LINK_HOURS, createConfirmLink } from "../organisations/confirm-email.server.js";
import type { ComposeContext, Composed } from "./compose.js";

export const isStaffEmail = (kind: string) => kind === "staff-confirm-email";

/** Emails to staff about their own account: confirming the first admin's address. Each link is minted as it is sent. */
export async function composeStaffEmail(trx: Tx, kind: string, payload: Record<string, string>, ctx: ComposeContext): Promise<Composed> {
  if (kind !== "staff-confirm-email") throw new Error(`Not a staff email: ${kind}`);
  const user = await findUserForEmail(trx, payload.userId);
  const confirmUrl = await createConfirmLink(trx, ctx.appUrl, payload.userId);
  return {
    to: user.email,
    email: {
      template: "confirm-email",
      props: { name: user.name.split(" ")[0] || user.name, orgName: ctx.orgName, confirmUrl, hours: CONFIRM_LINK_HOURS },
    },
  };
}
