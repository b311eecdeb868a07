import { formatUkDay } from "../offers/offer-rules.js";
import { firstName } from "../names.js";
import type { Tx } from "#db/client.js";
import { findTouchpointContext, listKitContent } from "#db/queries/touchpoints.js";
import { kitMessageFor } from "../offers/kit-content.js";
import { createTouchpointLink } from "../links/touchpoint-links.server.js";
import { findUserForEmail } from "#db/queries/users.js";
import type { ComposeContext, Composed } from "./compose.js";

/** Keep-in-touch emails (to the new starter or their buddy) and the lead's drop-out alerts; null when no longer sendable. */
export async function composeTouchpointEmail(
  trx: Tx,
  kind: string,
  payload: Record<string, string>,
  ctx: ComposeContext,
): Promise<Composed | null> {
  if (kind === "offer-alert") {
    const [lead, offer] = await Promise.all([
      findUserForEmail(trx, payload.userId),
      trx
        .selectFrom("offers")
        .innerJoin("applications", "applications.id", "offers.applicationId")
        .innerJoin("candidates", "candidates.id", "applications.candidateId")
        .innerJoin("teams", "teams.id", "offers.teamId")
        .select(["offers.applicationId", "offers.startDate", "candidates.fullName", "teams.name as teamName"])
        .where("offers.id", "=", payload.offerId)
        .executeTakeFirstOrThrow(),
    ]);
    const note = payload.touchpointId
      ? ((await trx.selectFrom("touchpoints").select("note").where("id", "=", payload.touchpointId).executeTakeFirst())?.note ?? "")
      : "";
    const variant = payload.variant === "worried" ? "worried" : "no-show";
    return {
      to: lead.email,
      email: {
        template: "offer-alert",
        props: {
          variant,
          name: firstName(lead.name),
          orgName: ctx.orgName,
          personName: offer.fullName,
          teamName: offer.teamName,
          detail: variant === "no-show" ? formatUkDay(offer.startDate) : note,
          url: `${ctx.appUrl}/pipeline/${offer.applicationId}`,
        },
      },
    };
  }
  const t = await findTouchpointContext(trx, payload.touchpointId);
  if (!t) throw new Error(`Touchpoint ${payload.touchpointId} not found`);
  const base = { orgName: ctx.orgName, teamName: t.teamName, personName: t.fullName, startDate: formatUkDay(t.startDate) };
  if (payload.to === "buddy") {
    // The buddy's address was removed (or they went) after the email was queued: skipped, not retried forever.
    if (!t.buddyEmail || !t.buddyName) return null;
    const variant = t.kind === "checkin" ? "buddy-checkin" : "buddy-call";
    return {
      to: t.buddyEmail,
      email: { template: "keep-in-touch", props: { ...base, variant, name: firstName(t.buddyName), day: t.seq } },
    };
  }
  const replyUrl = await createTouchpointLink(trx, ctx.appUrl, t.id);
  if (t.kind === "checkin") {
    return {
      to: t.email,
      email: { template: "keep-in-touch", props: { ...base, variant: "checkin", name: firstName(t.fullName), day: t.seq, replyUrl } },
    };
  }
  const message = kitMessageFor(t.seq, await listKitContent(trx));
  return {
    to: t.email,
    email: {
      template: "keep-in-touch",
      props: { ...base, variant: "kit", name: firstName(t.fullName), title: message.title, body: message.body, replyUrl },
    },
  };
}
