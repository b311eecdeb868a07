import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { listOpenAlerts, listSnapshots, raiseAlert, resolveAlerts, snapshotAllTeams } from "#db/queries/team-mix.js";
import { countTeamMix, listTeamsWithMix } from "#db/queries/teams.js";
import { listUsersWithRoles } from "#db/queries/users.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import {
  ALERT_TITLES,
  alertKinds,
  alertText,
  londonDate,
  type MixBand,
  mixBandFromSettings,
  monthlySeries,
  mondayOf,
  TEAM_NEEDS_TEXT,
  teamMix,
} from "./mix.js";

/** The organisation's target and band (org_settings; 50% in 40-60% by default). */
export async function getMixBand(trx: Tx): Promise<MixBand> {
  return mixBandFromSettings(await getOrgSettings(trx));
}

/** A team's mix at the end of each of the last 12 months up to `today` (a UK date), for the chart. */
export async function mixHistory(trx: Tx, teamId: string, today: string) {
  return monthlySeries(await listSnapshots(trx, teamId, today), today);
}

/**
 * The nightly check for the organisation in scope: today's snapshot of every team, then one open
 * alert per team and condition (out of band, at the split point, below the minimum), raised once
 * and resolved when the condition ends.
 */
export async function refreshTeamMix(trx: Tx, now = new Date()) {
  await snapshotAllTeams(trx, londonDate(now));
  const [teams, band, open] = await Promise.all([listTeamsWithMix(trx), getMixBand(trx), listOpenAlerts(trx)]);
  let raised = 0;
  const ending: string[] = [];
  for (const team of teams) {
    const kinds = alertKinds(team.experienced, team.size, band);
    for (const kind of kinds) if (await raiseAlert(trx, team.id, kind)) raised++;
    for (const alert of open) if (alert.teamId === team.id && !kinds.includes(alert.kind)) ending.push(alert.id);
  }
  await resolveAlerts(trx, ending);
  return { raised, resolved: ending.length };
}

export type TeamAlertView = {
  id: string;
  teamId: string;
  teamName: string;
  kind: keyof typeof ALERT_TITLES;
  title: string;
  text: string;
  raisedAt: Date;
};

/** Open alerts with what each team needs now (the /teams page and the digest). */
export async function listTeamAlerts(trx: Tx): Promise<TeamAlertView[]> {
  const [alerts, teams, band] = await Promise.all([listOpenAlerts(trx), listTeamsWithMix(trx), getMixBand(trx)]);
  return alerts.map((a) => {
    const team = teams.find((t) => t.id === a.teamId) ?? { experienced: 0, size: 0 };
    return { ...a, title: ALERT_TITLES[a.kind], text: alertText(a.kind, team.experienced, team.size, band) };
  });
}

/** The Monday digest for the organisation in scope: one email per lead (and admin) per week, none when nothing is open. */
export async function queueWeeklyDigest(ctx: UseCaseContext, now = new Date()): Promise<number> {
  const { trx } = ctx;
  const { n } = await trx
    .selectFrom("teamAlerts")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("resolvedAt", "is", null)
    .executeTakeFirstOrThrow();
  if (n === 0) return 0;
  const week = mondayOf(londonDate(now));
  const leads = await listUsersWithRoles(trx, ["lead", "admin"]);
  let queued = 0;
  for (const lead of leads) {
    if (await sendOnceAfterCommit(ctx, `team-mix-digest-${week}-${lead.id}`, { kind: "team-mix-digest", userId: lead.id, week })) queued++;
  }
  return queued;
}

/** Organisations with teams (all of them, or just `orgId`), each in its own scope. */
async function eachOrg<T>(db: DB, run: OrgRunner, orgId: string | undefined, work: (ctx: UseCaseContext) => Promise<T>) {
  const { rows } = await sql<{ orgId: string }>`select org_id from team_mix_orgs()`.execute(db);
  const results: T[] = [];
  for (const row of rows) if (!orgId || row.orgId === orgId) results.push(await run(row.orgId, work));
  return results;
}

export async function sweepTeamMix(db: DB, run: OrgRunner, now = new Date(), orgId?: string) {
  const results = await eachOrg(db, run, orgId, ({ trx }) => refreshTeamMix(trx, now));
  return { raised: results.reduce((a, r) => a + r.raised, 0), resolved: results.reduce((a, r) => a + r.resolved, 0) };
}

/** The Monday digests of every organisation (or just `orgId`): how many emails were queued. */
export async function sweepWeeklyDigest(db: DB, run: OrgRunner, now = new Date(), orgId?: string) {
  return (await eachOrg(db, run, orgId, (ctx) => queueWeeklyDigest(ctx, now))).reduce((a, n) => a + n, 0);
}

/** What one team needs most, against the organisation's band (for leads next to its vacancies). */
export async function findTeamNeeds(trx: Tx, teamId: string) {
  const [row, band] = await Promise.all([countTeamMix(trx, teamId), getMixBand(trx)]);
  const mix = teamMix(row.experienced, row.size, band);
  return { status: mix.status, text: TEAM_NEEDS_TEXT[mix.status], summary: mix.summary };
}
