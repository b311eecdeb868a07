import type { Tx } from "#db/client.js";

/** A committed outbox row: the email the relay hands to the queue. */
export type OutboxRef = { id: string; orgId: string };

// What the delayed jobs carry: ids only, each processor re-reads PostgreSQL. Defined here, with the
// use cases that plan them, so the domain never imports the queue (jobs/queues.ts re-exports them).
export type SurveyReminderJob = { orgId: string; applicationId: string; reminder: number };
export type WorkshopReminderJob = { orgId: string; bookingId: string; which: "48h" | "2h" };
export type WaitlistOfferJob = { orgId: string; entryId: string };
export type CloseVoteJob = { orgId: string; voteId: string };
export type VoteReminderJob = { orgId: string; voteId: string };
export type ShadowReminderJob = { orgId: string; shiftId: string; sequence: number; which: "24h" | "after" };
export type TouchpointJob = { orgId: string; touchpointId: string; dueAt: string };
/** The team-mix jobs: every organisation, or one (`orgId`, for a run on demand or a test). */
export type TeamMixJob = { orgId?: string };

type Delayed<Name extends string, Data> = { name: Name; data: Data; jobId: string; dueAt: Date };

/**
 * A delayed job on the reminders queue, as plain data. `jobId` is stable (a re-planned job with the
 * same id is a no-op) and every processor re-checks PostgreSQL, so a job may run late, twice or never:
 * the 15-minute sweep rebuilds whatever Redis lost.
 */
export type DelayedJob =
  | Delayed<"send-survey-reminder", SurveyReminderJob>
  | Delayed<"send-workshop-reminder", WorkshopReminderJob>
  | Delayed<"expire-waitlist-offer", WaitlistOfferJob>
  | Delayed<"close-vote", CloseVoteJob>
  | Delayed<"send-vote-reminder", VoteReminderJob>
  | Delayed<"send-shadow-reminder", ShadowReminderJob>
  | Delayed<"send-touchpoint", TouchpointJob>;

/**
 * What must happen once a use case's transaction has committed: emails to relay, delayed jobs to
 * add or remove. A use case records it here and returns its own result; it never talks to the
 * queue itself, since work done before the commit could act on rows that are then rolled back.
 * The runner (`runInOrg`, jobs/run-in-org.ts) commits and then carries it out.
 */
export class AfterCommit {
  readonly emailRefs: OutboxRef[] = [];
  readonly jobsToAdd: DelayedJob[] = [];
  readonly jobIdsToRemove: string[] = [];
  /** Ids (of a person's rows) that no job may refer to any more: erasure's "forget them in Redis too". */
  readonly jobsAboutToRemove: string[] = [];

  /** Outbox rows written in this transaction (null: an email already sent once, nothing to relay). */
  emails(refs: Iterable<OutboxRef | null | undefined>) {
    for (const ref of refs) if (ref) this.emailRefs.push(ref);
    return this;
  }

  addJobs(jobs: Iterable<DelayedJob>) {
    this.jobsToAdd.push(...jobs);
    return this;
  }

  /** Jobs no longer wanted (each processor re-checks anyway, so a removal that fails is harmless). */
  removeJobs(jobIds: Iterable<string>) {
    this.jobIdsToRemove.push(...jobIds);
    return this;
  }

  /** Every waiting or delayed job whose data names one of these ids is removed after commit. */
  removeJobsAbout(ids: Iterable<string>) {
    this.jobsAboutToRemove.push(...ids);
    return this;
  }

  get isEmpty() {
    return !this.emailRefs.length && !this.jobsToAdd.length && !this.jobIdsToRemove.length && !this.jobsAboutToRemove.length;
  }
}

/** What a use case receives: the organisation's transaction and the collector for after-commit work. */
export type UseCaseContext = { trx: Tx; after: AfterCommit };

/**
 * Runs `work` in one organisation's transaction, then carries out what it recorded. Sweeps that go
 * through many organisations take one (the job processor passes `runInOrg`), so each
 * organisation's work follows its own commit.
 */
export type OrgRunner = <T>(orgId: string, work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>;
