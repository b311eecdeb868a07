import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import type { SendEmailJob } from "../queues.js";

/** Receives ids only; the outbox row in PostgreSQL says what to send and whether it already went. */
export async function sendEmailProcessor(job: Job<SendEmailJob>) {
  return deliverOutboxEmail(getDb(), job.data.orgId, job.data.outboxId);
}
