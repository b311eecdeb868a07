import { sql } from "kysely";
import type { Tx } from "../client.js";
import type { TeamAlertKind } from "../schema.js";

/** Upserts today's snapshot of every team of the organisation in scope, from its active members. */
export async function snapshotAllTeams(trx: Tx, takenOn: string) {
  await sql`
    insert into team_mix_snapshots (team_id, taken_on, size, experienced)
    select teams.id, ${takenOn}::date, count(m.id), count(m.id) filter (where m.experience = 'experienced')
    from teams left join team_members m on m.team_id = teams.id and m.left_on is null
    group by teams.id
    on conflict (team_id, taken_on) do update set size = excluded.size, experienced = excluded.experienced
  `.execute(trx);
}

/** A team's snapshots of the 12 months up to `today` (a UK date); PostgreSQL does the calendar (29 February included). */
export function listSnapshots(trx: Tx, teamId: string, today: string) {
  return trx
    .selectFrom("teamMixSnapshots")
    .select(["takenOn", "size", "experienced"])
    .where("teamId", "=", teamId)
    .where(sql<boolean>`taken_on >= (${today}::date - interval '12 months')::date`)
    .orderBy("takenOn")
    .execute();
}

export function listOpenAlerts(trx: Tx) {
  return trx
    .selectFrom("teamAlerts")
    .innerJoin("teams", "teams.id", "teamAlerts.teamId")
    .select(["teamAlerts.id", "teamAlerts.teamId", "teams.name as teamName", "teamAlerts.kind", "teamAlerts.raisedAt"])
    .where("teamAlerts.resolvedAt", "is", null)
    .orderBy("teams.name")
    .orderBy("teamAlerts.kind")
    .execute();
}

export async function raiseAlert(trx: Tx, teamId: string, kind: TeamAlertKind) {
  const row = await trx
    .insertInto("teamAlerts")
    .values({ teamId, kind })
    .onConflict((oc) => oc.columns(["teamId", "kind"]).where("resolvedAt", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function resolveAlerts(trx: Tx, ids: string[]) {
  if (!ids.length) return;
  await trx.updateTable("teamAlerts").set({ resolvedAt: sql`now()` }).where("id", "in", ids).where("resolvedAt", "is", null).execute();
}
