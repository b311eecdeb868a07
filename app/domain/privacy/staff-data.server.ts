import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { PrivacyError } from "./privacy.errors.js";

/**
 * Personal data about staff: a team member's record, the staff account they sign in with, and
 * what hangs off either. Like `PERSONAL_DATA` for candidates, one list says for every table what
 * the export shows and what erasure does; `tests/integration/staff-data.test.ts` fails when a
 * table that points at `users` or `team_members` is missing here.
 *
 * A person on staff is erased only once they are gone (left the team, account deactivated): by an
 * admin on request, or by the nightly retention run the organisation's staff retention period
 * after they left. Erasure keeps what the team-mix and early-leaver figures are made of
 * (experience, dates, teams, votes' choices) and removes who they were.
 */

/** Everything about one person on staff, gathered once. */
export type StaffIds = { memberIds: string[]; userIds: string[]; names: string[]; emails: string[] };

type Rows = Record<string, unknown>[];
type Coverage = {
  export: { title: string; rows: (trx: Tx, ids: StaffIds) => Promise<Rows> } | { none: string };
  erase: { does: string; run: (trx: Tx, ids: StaffIds) => Promise<unknown> } | { keep: string };
};

export const FORMER_MEMBER = "Former team member";
export const FORMER_COLLEAGUE = "Former colleague";
const NONE = "00000000-0000-0000-0000-000000000000";
const some = (ids: string[]) => (ids.length ? ids : [NONE]);

export const STAFF_PERSONAL_DATA: Record<string, Coverage> = {
  users: {
    export: {
      title: "Staff account",
      rows: (trx, ids) =>
        trx
          .selectFrom("users")
          .select(["name", "email", "role", "createdAt", "deactivatedAt"])
          .where("id", "in", some(ids.userIds))
          .execute(),
    },
    erase: {
      does: "name and email replaced, password removed; the row stays so records of what they did still point somewhere",
      run: (trx, ids) =>
        trx
          .updateTable("users")
          .set({
            name: FORMER_COLLEAGUE,
            email: sql<string>`'former-' || id || '@erased.invalid'`,
            passwordHash: "!",
            deactivatedAt: sql`coalesce(deactivated_at, now())`,
            erasedAt: sql`now()`,
          })
          .where("id", "in", some(ids.userIds))
          .execute(),
    },
  },
  sessions: {
    export: { none: "sign-in sessions are technical records, not shown" },
    erase: { does: "deleted", run: (trx, ids) => trx.deleteFrom("sessions").where("userId", "in", some(ids.userIds)).execute() },
  },
  staff_tokens: {
    export: { none: "email-confirmation and password links, not shown" },
    erase: { does: "deleted", run: (trx, ids) => trx.deleteFrom("staffTokens").where("userId", "in", some(ids.userIds)).execute() },
  },
  staff_invitations: {
    export: {
      title: "Invitations to join",
      rows: (trx, ids) =>
        trx
          .selectFrom("staffInvitations")
          .select(["email", "role", "createdAt", "acceptedAt"])
          .where("email", "in", some(ids.emails))
          .execute(),
    },
    erase: {
      does: "invitations to their email deleted",
      run: (trx, ids) => trx.deleteFrom("staffInvitations").where("email", "in", some(ids.emails)).execute(),
    },
  },
  team_members: {
    export: {
      title: "Team membership",
      rows: (trx, ids) =>
        trx
          .selectFrom("teamMembers")
          .innerJoin("teams", "teams.id", "teamMembers.teamId")
          .select(["teamMembers.name", "teamMembers.email", "teams.name as team", "experience", "joinedOn", "leftOn", "leftReason"])
          .where("teamMembers.id", "in", some(ids.memberIds))
          .execute(),
    },
    erase: {
      does: "name, email and the words about why they left removed, unlinked from the account; experience and dates kept (the team-mix and early-leaver figures)",
      run: (trx, ids) =>
        trx
          .updateTable("teamMembers")
          .set({ name: FORMER_MEMBER, email: null, userId: null, leftReason: null, erasedAt: sql`now()` })
          .where("id", "in", some(ids.memberIds))
          .execute(),
    },
  },
  team_memberships: {
    export: {
      title: "Teams over time",
      rows: (trx, ids) =>
        trx
          .selectFrom("teamMemberships")
          .innerJoin("teams", "teams.id", "teamMemberships.teamId")
          .select(["teams.name as team", "fromOn", "toOn"])
          .where("memberId", "in", some(ids.memberIds))
          .execute(),
    },
    erase: { keep: "teams and dates only, about an erased member: the history of each team's mix" },
  },
  survey_responses: {
    export: {
      title: "Your values survey",
      rows: (trx, ids) =>
        trx
          .selectFrom("surveyResponses")
          .select(["startedAt", "completedAt", "profile"])
          .where("teamMemberId", "in", some(ids.memberIds))
          .execute(),
    },
    erase: {
      does: "deleted",
      run: (trx, ids) => trx.deleteFrom("surveyResponses").where("teamMemberId", "in", some(ids.memberIds)).execute(),
    },
  },
  member_survey_links: {
    export: { none: "survey links, technical" },
    erase: {
      does: "deleted",
      run: (trx, ids) => trx.deleteFrom("memberSurveyLinks").where("teamMemberId", "in", some(ids.memberIds)).execute(),
    },
  },
  vote_links: {
    export: { none: "vote links, technical" },
    erase: { does: "deleted", run: (trx, ids) => trx.deleteFrom("voteLinks").where("teamMemberId", "in", some(ids.memberIds)).execute() },
  },
  vote_voters: {
    export: {
      title: "Votes you were asked to take part in",
      rows: (trx, ids) =>
        trx
          .selectFrom("voteVoters")
          .select(["voteId", "conflictReason", "conflictDeclaredAt"])
          .where("teamMemberId", "in", some(ids.memberIds))
          .execute(),
    },
    erase: {
      does: "a declared conflict of interest keeps that it was declared, not the words",
      run: (trx, ids) =>
        trx
          .updateTable("voteVoters")
          .set({ conflictReason: "Declared" })
          .where("teamMemberId", "in", some(ids.memberIds))
          .where("conflictReason", "is not", null)
          .execute(),
    },
  },
  ballots: {
    export: {
      title: "Your votes",
      rows: (trx, ids) =>
        trx
          .selectFrom("ballots")
          .select(["voteId", "choice", "comment", "castAt"])
          .where("teamMemberId", "in", some(ids.memberIds))
          .execute(),
    },
    erase: {
      does: "comments removed; the choice stays (the vote's result must still add up)",
      run: (trx, ids) => trx.updateTable("ballots").set({ comment: "" }).where("teamMemberId", "in", some(ids.memberIds)).execute(),
    },
  },
  vote_audit: {
    export: { none: "the vote's own record of who did what, under their name (replaced on erasure)" },
    erase: { keep: "actions on votes, under the replaced name" },
  },
  shadow_shifts: {
    export: {
      title: "Shadow shifts you hosted",
      rows: (trx, ids) =>
        trx
          .selectFrom("shadowShifts")
          .select(["startsAt", "endsAt", "meetingPoint", "status"])
          .where("hostMemberId", "in", some(ids.memberIds))
          .execute(),
    },
    erase: { keep: "times and places of shifts, hosted by an erased member" },
  },
  shadow_feedback: {
    export: { none: "feedback about candidates is the candidate's data; it stays under the replaced name" },
    erase: { keep: "the candidate's feedback, under the replaced name" },
  },
  offers: {
    export: { none: "offers name them as a buddy or a new starter only by reference" },
    erase: { keep: "offers, pointing at an erased member" },
  },
  workshop_assessors: {
    export: { none: "which workshops they assessed; their scores are the candidates' data" },
    erase: { keep: "which workshops an erased account assessed" },
  },
  scenario_exercise_versions: {
    export: { none: "versions of a scenario exercise they wrote: the organisation's work, not about them" },
    erase: { keep: "the versions, pointing at the erased account (shown under its replaced name)" },
  },
  application_events: {
    export: { none: "records of stage moves, under their name (replaced on erasure)" },
    erase: { keep: "stage moves, under the replaced name" },
  },
  audit_log: {
    export: { none: "the audit log, under their name (replaced on erasure)" },
    erase: { keep: "entries, with their name and email replaced wherever they appear" },
  },
};

/**
 * Copies of a person's name kept as plain text next to what they did (so a record still reads
 * after an account is removed). Erasure replaces the name in each; the audit log and the privacy
 * notices, append-only for the app, are done by `redact_person_in_records`.
 */
const NAME_COPIES = [
  ["applicationEvents", "actorName"],
  ["shadowFeedback", "authorName"],
  ["shadowFeedback", "supportedBy"],
  ["votes", "openedByName"],
  ["ballots", "recordedByName"],
  ["voteAudit", "actorName"],
  ["offers", "createdByName"],
  ["prestartChecks", "updatedByName"],
  ["candidates", "legalHoldByName"],
] as const;

/** A team member's record and the account they sign in with (or an account and its member records). */
export async function gatherStaffIds(trx: Tx, who: { memberId?: string; userId?: string }): Promise<StaffIds | null> {
  const member = who.memberId
    ? await trx.selectFrom("teamMembers").select(["id", "userId"]).where("id", "=", who.memberId).executeTakeFirst()
    : null;
  if (who.memberId && !member) return null;
  const userId = who.userId ?? member?.userId ?? null;
  const found = userId
    ? await trx.selectFrom("users").select(["id", "name", "email", "erasedAt"]).where("id", "=", userId).executeTakeFirst()
    : null;
  if (who.userId && !found) return null;
  // Once erased, a record is nobody's any more: it is left out (so erasing twice does nothing).
  const user = found?.erasedAt ? null : found;
  const members = await trx
    .selectFrom("teamMembers")
    .select(["id", "name", "email"])
    .where((eb) => eb.or([eb("id", "=", member?.id ?? NONE), eb("userId", "=", user?.id ?? NONE)]))
    .where("erasedAt", "is", null)
    .execute();
  const names = new Set([...members.map((m) => m.name), ...(user ? [user.name] : [])]);
  const emails = new Set([...members.map((m) => m.email).filter((e): e is string => Boolean(e)), ...(user ? [user.email] : [])]);
  return { memberIds: members.map((m) => m.id), userIds: user ? [user.id] : [], names: [...names], emails: [...emails] };
}

/** Everything held about one person on staff, for a subject access request (on the audit log). */
export async function exportStaffData(
  trx: Tx,
  who: { memberId?: string; userId?: string },
  actor: { userId: string | null; name: string },
) {
  const ids = await gatherStaffIds(trx, who);
  if (!ids) throw new PrivacyError("not_found", "We could not find that person.");
  const sections: { table: string; title: string; rows: Rows }[] = [];
  for (const [table, coverage] of Object.entries(STAFF_PERSONAL_DATA)) {
    if ("none" in coverage.export) continue;
    sections.push({ table, title: coverage.export.title, rows: await coverage.export.rows(trx, ids) });
  }
  await recordAudit(trx, {
    actor,
    kind: "member",
    action: "staff.exported",
    subjectId: ids.memberIds[0] ?? ids.userIds[0],
    summary: "Exported a person's staff data",
  });
  return { exportedAt: new Date().toISOString(), sections };
}

export type EraseStaffInput = {
  memberId?: string;
  userId?: string;
  why: "request" | "retention";
  reason?: string;
  actor: { userId: string | null; name: string };
};

/**
 * Erases a person on staff who has gone. Refused while they are still in a team or can still sign
 * in (record that they left, or deactivate the account, first). Safe to run twice.
 */
export async function eraseStaffPerson({ trx }: UseCaseContext, input: EraseStaffInput) {
  const ids = await gatherStaffIds(trx, input);
  if (!ids) throw new PrivacyError("not_found", "We could not find that person.");
  const [activeMember, activeUser] = await Promise.all([
    trx.selectFrom("teamMembers").select("id").where("id", "in", some(ids.memberIds)).where("leftOn", "is", null).executeTakeFirst(),
    trx.selectFrom("users").select("id").where("id", "in", some(ids.userIds)).where("deactivatedAt", "is", null).executeTakeFirst(),
  ]);
  if (activeMember) throw new PrivacyError("still_here", "Record that they left the team before erasing their data.");
  if (activeUser) throw new PrivacyError("still_here", "Deactivate their staff account before erasing their data.");
  if (!ids.memberIds.length && !ids.userIds.length) return { erased: false };
  const subject = ids.memberIds[0] ?? ids.userIds[0];

  for (const [table, column] of NAME_COPIES) {
    await trx
      .updateTable(table)
      .set({ [column]: FORMER_COLLEAGUE } as never)
      .where(sql<boolean>`${sql.ref(column)} = any(${ids.names}::text[])`)
      .execute();
  }
  await sql`select redact_person_in_records(${ids.names}::text[], ${ids.emails}::text[], ${[...ids.memberIds, ...ids.userIds]}::uuid[], ${FORMER_COLLEAGUE})`.execute(
    trx,
  );
  for (const coverage of Object.values(STAFF_PERSONAL_DATA)) {
    if ("run" in coverage.erase) await coverage.erase.run(trx, ids);
  }
  await recordAudit(trx, {
    actor: input.actor,
    kind: "member",
    action: input.why === "retention" ? "staff.erased-by-schedule" : "staff.erased",
    subjectId: subject,
    summary: input.why === "retention" ? "Erased a former colleague's data on schedule" : "Erased a former colleague's data on request",
    after: input.reason ? { reason: input.reason } : undefined,
  });
  return { erased: true };
}

/**
 * People on staff due for erasure on `now`: team members who left, and deactivated accounts,
 * at least the organisation's staff retention period ago (in UK days), not erased yet. A member
 * whose account is still active waits for the account.
 */
export async function staffDueForErasure(trx: Tx, now: Date) {
  const today = sql`(${now}::timestamptz at time zone 'Europe/London')::date`;
  const months = sql`make_interval(months => coalesce((select staff_retention_months from org_settings where org_id = current_org_id()), 24))`;
  const members = await trx
    .selectFrom("teamMembers as m")
    .leftJoin("users as u", "u.id", "m.userId")
    .select("m.id")
    .where("m.erasedAt", "is", null)
    .where("m.leftOn", "is not", null)
    .where(sql<boolean>`m.left_on + ${months} <= ${today}`)
    .where((eb) => eb.or([eb("u.id", "is", null), eb("u.deactivatedAt", "is not", null)]))
    .orderBy("m.id")
    .execute();
  const users = await trx
    .selectFrom("users")
    .select("id")
    .where("erasedAt", "is", null)
    .where("deactivatedAt", "is not", null)
    .where(sql<boolean>`(deactivated_at at time zone 'Europe/London')::date + ${months} <= ${today}`)
    // A member record still in a team (or not yet due) keeps the account it votes with.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("teamMembers as m")
            .select("m.id")
            .whereRef("m.userId", "=", "users.id")
            .where((w) => w.or([w("m.leftOn", "is", null), sql<boolean>`m.left_on + ${months} > ${today}`])),
        ),
      ),
    )
    .orderBy("id")
    .execute();
  return { memberIds: members.map((m) => m.id), userIds: users.map((u) => u.id) };
}

/**
 * Former colleagues whose data is still held: team members who left and deactivated accounts not
 * linked to one, with the day the retention run will erase them.
 */
export async function listFormerStaff(trx: Tx) {
  const months = sql<number>`coalesce((select staff_retention_months from org_settings where org_id = current_org_id()), 24)`;
  const [members, accounts] = await Promise.all([
    trx
      .selectFrom("teamMembers as m")
      .innerJoin("teams", "teams.id", "m.teamId")
      .select([
        "m.id",
        "m.name",
        "teams.name as teamName",
        "m.leftOn as goneOn",
        sql<string>`to_char(m.left_on + make_interval(months => ${months}), 'YYYY-MM-DD')`.as("erasedOn"),
      ])
      .where("m.erasedAt", "is", null)
      .where("m.leftOn", "is not", null)
      .orderBy("m.leftOn", "desc")
      .execute(),
    trx
      .selectFrom("users as u")
      .select([
        "u.id",
        "u.name",
        sql<string>`to_char((u.deactivated_at at time zone 'Europe/London')::date, 'YYYY-MM-DD')`.as("goneOn"),
        sql<string>`to_char((u.deactivated_at at time zone 'Europe/London')::date + make_interval(months => ${months}), 'YYYY-MM-DD')`.as(
          "erasedOn",
        ),
      ])
      .where("u.erasedAt", "is", null)
      .where("u.deactivatedAt", "is not", null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("teamMembers as m").select("m.id").whereRef("m.userId", "=", "u.id"))))
      .orderBy("u.deactivatedAt", "desc")
      .execute(),
  ]);
  return {
    members: members.map((m) => ({ ...m, kind: "member" as const, goneOn: String(m.goneOn) })),
    accounts: accounts.map((a) => ({ ...a, kind: "account" as const, teamName: null })),
  };
}

/** Who `kind`/`id` names, for the erase page (null when not theirs to see or already erased). */
export async function findFormerStaff(trx: Tx, kind: "member" | "account", id: string) {
  const { members, accounts } = await listFormerStaff(trx);
  return (kind === "member" ? members : accounts).find((p) => p.id === id) ?? null;
}
