import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { sweepTeamMix, sweepWeeklyDigest } from "#app/domain/teams/team-mix.server.js";
import type { TeamMixJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

export const TEAM_MIX_NIGHTLY = "team-mix-nightly";
export const TEAM_MIX_DIGEST = "team-mix-digest";

/** 02:00 UK time: snapshots every team of every organisation (or just `orgId`) and raises or resolves alerts. */
export async function teamMixNightlyProcessor(job: Job<TeamMixJob>) {
  return sweepTeamMix(getDb(), runInOrg, new Date(), job.data?.orgId);
}

/** Monday 08:00 UK time: one digest email per lead per week (deduped by the week's Monday), none when nothing is open. */
export async function teamMixDigestProcessor(job: Job<TeamMixJob>) {
  return { queued: await sweepWeeklyDigest(getDb(), runInOrg, new Date(), job.data?.orgId) };
}
