import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { londonDay } from "../london-day.js";
import { eraseCandidate } from "./erase-candidate.server.js";
import { PrivacyError } from "./privacy.errors.js";
import { eraseStaffPerson, staffDueForErasure } from "./staff-data.server.js";

/** How long sign-in records and sent emails are kept once they can no longer be used. */
export const PURGE_AFTER_DAYS = 30;
const RETENTION_ACTOR = { userId: null, name: "Retention schedule" };

/**
 * Candidates whose personal data is due for erasure on `now`: every application of theirs closed
 * (declined or withdrawn) at least the organisation's retention period ago (in whole UK days) (longer if they agreed
 * to hear about future jobs), no application in progress, nobody who started (they are staff now,
 * out of scope), no legal hold, not erased yet.
 */
export async function candidatesDueForErasure(trx: Tx, now: Date) {
  const rows = await trx
    .selectFrom("candidates as c")
    .innerJoin("applications as a", "a.candidateId", "c.id")
    .leftJoin("orgSettings as s", "s.orgId", "c.orgId")
    .select("c.id")
    .where("c.erasedAt", "is", null)
    .where("c.legalHoldAt", "is", null)
    .groupBy(["c.id", "c.futureJobsConsentAt", "s.retentionMonths", "s.retentionMonthsFutureJobs"])
    .having(sql<boolean>`bool_and(a.stage in ('declined', 'withdrawn'))`)
    // By UK calendar day: declined on 10 January, erased by the night run of 10 July (6 months).
    .having(
      sql<boolean>`(max(a.stage_changed_at) at time zone 'Europe/London')::date + make_interval(months => case when c.future_jobs_consent_at is not null
        then coalesce(s.retention_months_future_jobs, 12) else coalesce(s.retention_months, 6) end) <= (${now}::timestamptz at time zone 'Europe/London')::date`,
    )
    .orderBy("c.id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Used or expired sign-in links, sessions and staff email-confirmation links, staff invitations
 * finished (accepted, withdrawn or expired) over 30 days ago, and emails sent long ago: nothing
 * anyone can use or needs.
 */
export async function purgeExpired(trx: Tx, now: Date) {
  const cutoff = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000);
  const counts = await Promise.all([
    trx
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expiresAt", "<", now), eb("revokedAt", "is not", null)]))
      .executeTakeFirst(),
    trx
      .deleteFrom("loginTokens")
      .where((eb) => eb.or([eb("expiresAt", "<", now), eb("usedAt", "is not", null)]))
      .executeTakeFirst(),
    trx.deleteFrom("memberSurveyLinks").where("expiresAt", "<", now).executeTakeFirst(),
    trx.deleteFrom("voteLinks").where("expiresAt", "<", now).executeTakeFirst(),
    trx.deleteFrom("touchpointLinks").where("expiresAt", "<", now).executeTakeFirst(),
    trx.deleteFrom("outbox").where("sentAt", "<", cutoff).executeTakeFirst(),
    trx
      .deleteFrom("staffTokens")
      .where((eb) => eb.or([eb("expiresAt", "<", now), eb("usedAt", "is not", null)]))
      .executeTakeFirst(),
    // An invitation holds the invitee's email: kept 30 days after it was used, withdrawn or ran out.
    trx
      .deleteFrom("staffInvitations")
      .where((eb) => eb.or([eb("expiresAt", "<", cutoff), eb("acceptedAt", "<", cutoff), eb("withdrawnAt", "<", cutoff)]))
      .executeTakeFirst(),
  ]);
  return counts.reduce((n, r) => n + Number(r.numDeletedRows), 0);
}

/** One organisation's nightly retention: erase who is due, purge what expired, tell the admins the counts. */
export async function applyRetention(ctx: UseCaseContext, now: Date) {
  const due = await candidatesDueForErasure(ctx.trx, now);
  let erased = 0;
  for (const candidateId of due) {
    const result = await eraseCandidate(ctx, { candidateId, why: "retention", actor: RETENTION_ACTOR });
    if (result.erased) erased++;
  }
  const staffErased = await eraseFormerStaff(ctx, now);
  const purged = await purgeExpired(ctx.trx, now);
  if (erased > 0 || staffErased > 0) {
    const day = londonDay(now);
    const admins = await ctx.trx.selectFrom("users").select(["id", "role"]).where("role", "in", ["admin", "lead"]).execute();
    const told = admins.some((u) => u.role === "admin") ? admins.filter((u) => u.role === "admin") : admins;
    for (const admin of told) {
      await sendOnceAfterCommit(ctx, `retention-report-${day}-${admin.id}`, {
        kind: "retention-report",
        userId: admin.id,
        day,
        erased,
        staffErased,
      });
    }
  }
  return { erased, staffErased, purged };
}

/** Team members who left, and deactivated accounts, the staff retention period ago. */
async function eraseFormerStaff(ctx: UseCaseContext, now: Date) {
  const due = await staffDueForErasure(ctx.trx, now);
  let erased = 0;
  for (const who of [...due.memberIds.map((memberId) => ({ memberId })), ...due.userIds.map((userId) => ({ userId }))]) {
    try {
      if ((await eraseStaffPerson(ctx, { ...who, why: "retention", actor: RETENTION_ACTOR })).erased) erased++;
    } catch (error) {
      // Someone back in a team under the same account since: not theirs to erase yet.
      if (!(error instanceof PrivacyError && error.code === "still_here")) throw error;
    }
  }
  return erased;
}

/** Every organisation (or just `orgId`), each in its own transaction through the runner. */
export async function sweepRetention(db: DB, run: OrgRunner, now = new Date(), orgId?: string) {
  const orgs = await db.selectFrom("organisations").select("id").orderBy("id").execute();
  const totals = { erased: 0, staffErased: 0, purged: 0 };
  for (const org of orgs) {
    if (orgId && org.id !== orgId) continue;
    const result = await run(org.id, (ctx) => applyRetention(ctx, now));
    totals.erased += result.erased;
    totals.staffErased += result.staffErased;
    totals.purged += result.purged;
  }
  return totals;
}
