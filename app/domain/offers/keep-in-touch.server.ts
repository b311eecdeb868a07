import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { planTouchpoints } from "./touchpoint-plan.js";

/** A touchpoint's job id carries its due time, so a moved start date makes new jobs and the old ones are skipped. */
export const touchpointJobId = (touchpointId: string, dueAt: Date) => `touchpoint-${touchpointId}-${dueAt.getTime()}`;
export type TouchpointJobPlan = { orgId: string; touchpointId: string; dueAt: Date };

/**
 * Brings an offer's keep-in-touch plan up to date with its dates: call it when the offer is
 * accepted, when the start date moves, and when the start is confirmed. Unsent touchpoints get
 * their new due time (or are cancelled when no longer in the plan, e.g. weeks after a new,
 * earlier start); sent ones are history and never change. Each unsent touchpoint gets a delayed
 * job after commit; returns them.
 */
export async function syncTouchpoints(ctx: UseCaseContext, offerId: string): Promise<TouchpointJobPlan[]> {
  const { trx } = ctx;
  const offer = await trx
    .selectFrom("offers")
    .select(["orgId", "status", "acceptedAt", "startDate", "startedOn"])
    .where("id", "=", offerId)
    .executeTakeFirstOrThrow();
  if (offer.status !== "accepted" && offer.status !== "started") {
    await cancelTouchpoints(trx, offerId);
    return [];
  }
  const plan = planTouchpoints({ acceptedAt: offer.acceptedAt, startDate: offer.startDate, startedOn: offer.startedOn });
  const existing = await trx.selectFrom("touchpoints").select(["id", "kind", "seq", "sentAt"]).where("offerId", "=", offerId).execute();
  const key = (t: { kind: string; seq: number }) => `${t.kind}:${t.seq}`;
  const wanted = new Set(plan.map(key));
  const stale = existing.filter((t) => !t.sentAt && !wanted.has(key(t))).map((t) => t.id);
  if (stale.length) {
    await trx
      .updateTable("touchpoints")
      .set({ cancelledAt: sql`now()` })
      .where("id", "in", stale)
      .where("cancelledAt", "is", null)
      .execute();
  }
  if (!plan.length) return [];
  // One upsert for the whole plan: unsent rows follow it (new due time, not cancelled); a sent one
  // keeps its history and is not returned, so it gets no job.
  const rows = await trx
    .insertInto("touchpoints")
    .values(plan.map((item) => ({ offerId, kind: item.kind, seq: item.seq, dueAt: item.dueAt })))
    .onConflict((oc) =>
      oc
        .columns(["offerId", "kind", "seq"])
        .doUpdateSet((eb) => ({ dueAt: eb.ref("excluded.dueAt"), cancelledAt: null }))
        .where("touchpoints.sentAt", "is", null),
    )
    .returning(["id", "dueAt"])
    .execute();
  const planned = rows.map((row) => ({ orgId: offer.orgId, touchpointId: row.id, dueAt: new Date(row.dueAt) }));
  ctx.after.addJobs(
    planned.map((j) => ({
      name: "send-touchpoint",
      data: { orgId: j.orgId, touchpointId: j.touchpointId, dueAt: j.dueAt.toISOString() },
      jobId: touchpointJobId(j.touchpointId, j.dueAt),
      dueAt: j.dueAt,
    })),
  );
  return planned;
}

/** Nothing more goes out for this offer (declined, withdrawn, a no-show, or the person left). */
export async function cancelTouchpoints(trx: Tx, offerId: string) {
  await trx
    .updateTable("touchpoints")
    .set({ cancelledAt: sql`now()` })
    .where("offerId", "=", offerId)
    .where("sentAt", "is", null)
    .where("cancelledAt", "is", null)
    .execute();
}

/**
 * A touchpoint came due: queue its email(s) if it still stands: not sent, not cancelled, due now,
 * and the offer still accepted (before the start) or started with the person still in the team
 * (check-ins). Marking it sent and writing the outbox rows happen in one transaction under the
 * row's lock, and the outbox keys are unique, so a retry, a late job and the sweep send it once.
 */
export async function sendTouchpointIfDue(ctx: UseCaseContext, touchpointId: string, now = new Date()): Promise<number> {
  const { trx } = ctx;
  const touchpoint = await trx
    .selectFrom("touchpoints")
    .innerJoin("offers", "offers.id", "touchpoints.offerId")
    .leftJoin("teamMembers", "teamMembers.id", "offers.memberId")
    .leftJoin("teamMembers as buddy", "buddy.id", "offers.buddyMemberId")
    .select([
      "touchpoints.id",
      "touchpoints.kind",
      "touchpoints.dueAt",
      "touchpoints.sentAt",
      "touchpoints.cancelledAt",
      "offers.status",
      "offers.buddyMemberId",
      "teamMembers.leftOn",
      "buddy.email as buddyEmail",
      "buddy.leftOn as buddyLeftOn",
    ])
    .where("touchpoints.id", "=", touchpointId)
    .forUpdate("touchpoints")
    .executeTakeFirst();
  if (!touchpoint || touchpoint.sentAt || touchpoint.cancelledAt || now < new Date(touchpoint.dueAt)) return 0;
  const stillWanted =
    touchpoint.kind === "checkin" ? touchpoint.status === "started" && !touchpoint.leftOn : touchpoint.status === "accepted";
  if (!stillWanted) {
    await trx.updateTable("touchpoints").set({ cancelledAt: sql`now()` }).where("id", "=", touchpointId).execute();
    return 0;
  }
  await trx.updateTable("touchpoints").set({ sentAt: now }).where("id", "=", touchpointId).execute();
  let queued = 0;
  const add = async (to: "person" | "buddy") => {
    if (await sendOnceAfterCommit(ctx, `touchpoint-${touchpointId}-${to}`, { kind: "touchpoint", touchpointId, to })) queued++;
  };
  if (touchpoint.kind === "kit") await add("person");
  // The buddy is emailed only if they have an address and are still in the team.
  const buddyReachable = Boolean(touchpoint.buddyMemberId && touchpoint.buddyEmail && !touchpoint.buddyLeftOn);
  if (touchpoint.kind === "buddy_call" && buddyReachable) await add("buddy");
  if (touchpoint.kind === "checkin") {
    await add("person");
    if (buddyReachable) await add("buddy");
  }
  return queued;
}

/** The sweep: every touchpoint that is due but unsent (its job lost, or the worker was down). */
export async function sweepTouchpoints(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; touchpointId: string }>`select * from touchpoints_due(${500})`.execute(db);
  let queued = 0;
  for (const row of rows) queued += await run(row.orgId, (ctx) => sendTouchpointIfDue(ctx, row.touchpointId, now));
  return queued;
}
