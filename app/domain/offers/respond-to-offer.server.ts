import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { addTimelineNote, moveApplication } from "../applications/move-application.server.js";
import type { UseCaseContext } from "../after-commit.js";
import { cancelTouchpoints, syncTouchpoints } from "./keep-in-touch.server.js";
import { emailLeads } from "./offer-emails.server.js";
import { OfferError } from "./offer.errors.js";

type Args = { applicationId: string; candidateId: string; name: string };

/** The candidate's live offer, locked; only their own. */
async function candidateOffer(trx: Tx, { applicationId, candidateId }: Args) {
  const offer = await trx
    .selectFrom("offers")
    .innerJoin("applications", "applications.id", "offers.applicationId")
    .select(["offers.id", "offers.status", "applications.stage"])
    .where("offers.applicationId", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .orderBy("offers.createdAt", "desc")
    .forUpdate("offers")
    .executeTakeFirst();
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (offer.stage !== "offer") throw new OfferError("wrong_status", "This offer is no longer open.");
  return offer;
}

/** Yes: the offer is accepted, the keep-in-touch plan starts and the leads hear. */
export async function acceptOffer(ctx: UseCaseContext, args: Args): Promise<void> {
  const { trx } = ctx;
  const offer = await candidateOffer(trx, args);
  // Pressing Accept twice (a retried request) changes nothing.
  if (offer.status === "accepted") return;
  if (offer.status !== "offered") throw new OfferError("wrong_status", "This offer is no longer open.");
  await trx.updateTable("offers").set({ status: "accepted", acceptedAt: sql`now()` }).where("id", "=", offer.id).execute();
  await syncTouchpoints(ctx, offer.id);
  await addTimelineNote(trx, args.applicationId, "Accepted the offer", { userId: null, name: args.name });
  await emailLeads(ctx, offer.id, "accepted");
}

/** No thank you: the offer is declined and the application withdrawn, with their reason if they gave one. */
export async function declineOffer(ctx: UseCaseContext, args: Args & { reason?: string }): Promise<void> {
  const { trx } = ctx;
  const offer = await candidateOffer(trx, args);
  if (offer.status !== "offered") throw new OfferError("wrong_status", "This offer is no longer open.");
  const reason = args.reason?.trim() || null;
  await trx
    .updateTable("offers")
    .set({ status: "declined", declinedAt: sql`now()`, declineReason: reason })
    .where("id", "=", offer.id)
    .execute();
  await cancelTouchpoints(trx, offer.id);
  await moveApplication(ctx, {
    applicationId: args.applicationId,
    to: "withdrawn",
    reason: `Declined the offer: ${reason ?? "no reason given"}`,
    actor: { userId: null, name: args.name },
  });
  await emailLeads(ctx, offer.id, "declined");
}
