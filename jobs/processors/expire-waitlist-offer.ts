import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "../relay-outbox.js";
import { expireOffer, scheduleOfferExpiries } from "#app/domain/workshops/waitlist.server.js";
import type { WaitlistOfferJob } from "../queues.js";

/** A waiting-list offer's 24 hours are up: if not taken, the seat is offered to the next person. */
export async function expireWaitlistOfferProcessor(job: Job<WaitlistOfferJob>) {
  const offers = await withOrg(getDb(), job.data.orgId, (trx) => expireOffer(trx, job.data.entryId));
  await Promise.all([
    relayOutbox(
      getDb(),
      offers.map((o) => o.email),
    ),
    scheduleOfferExpiries(job.data.orgId, offers),
  ]);
  return { offered: offers.length };
}
