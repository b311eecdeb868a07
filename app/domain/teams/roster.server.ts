import { parse } from "csv-parse/sync";
import * as z from "zod/mini";
import { insertMembership, listMembersForRosterMatch, lockTeamById } from "#db/queries/teams.js";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import type { Actor } from "./actor.js";
import { MemberSchema } from "./team.schema.js";
import { TeamError } from "./team.errors.js";

/** Columns a roster file may have (header row, any order, any case). */
export const ROSTER_COLUMNS = ["name", "email", "experience", "joined"] as const;
export const ROSTER_MAX_ROWS = 500;

export type RosterRow = {
  line: number;
  name: string;
  email: string;
  experience: "experienced" | "new_to_care" | "";
  joinedOn: string;
  /** new: will be added; existing: already in the team, left as it is; problem: see `problems`. */
  status: "new" | "existing" | "problem";
  problems: string[];
};
export type RosterPreview = { rows: RosterRow[]; fileProblem: string | null };

const EXPERIENCE_WORDS: Record<string, "experienced" | "new_to_care"> = {
  experienced: "experienced",
  yes: "experienced",
  "new to care": "new_to_care",
  new_to_care: "new_to_care",
  new: "new_to_care",
  no: "new_to_care",
};

/** "2026-03-01" or the UK way, "1/3/2026", as YYYY-MM-DD (anything else is kept, and refused by the schema). */
function isoDate(value: string) {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return uk ? `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}` : value;
}

const key = (row: { name: string; email: string | null; joinedOn: string }) =>
  row.email ? `email:${row.email.toLowerCase()}` : `name:${row.name.trim().toLowerCase()}|${row.joinedOn}`;

/**
 * Reads a roster file (CSV, parsed by csv-parse) against the team as it is now: each row as it
 * would be saved, and every problem with its line number. Writes nothing. A row matches a member
 * already in the team by email, or by name and joining date when it has no email, so importing
 * the same file twice adds nobody the second time.
 */
export async function previewRoster(trx: Tx, teamId: string, csv: string): Promise<RosterPreview> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[^a-z]/g, ""),
        ),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      fileProblem: `We could not read the file as CSV${line ? ` (line ${line})` : ""}. Save it from your spreadsheet as "CSV" and try again.`,
    };
  }
  if (!records.length) return { rows: [], fileProblem: "The file has no rows under its header. Add one row per member." };
  const header = Object.keys(records[0].record);
  const missing = ["name", "experience", "joined"].filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      fileProblem: `The first line must name the columns: name, email, experience, joined. Missing: ${missing.join(", ")}.`,
    };
  if (records.length > ROSTER_MAX_ROWS)
    return { rows: [], fileProblem: `The file has ${records.length} rows; import at most ${ROSTER_MAX_ROWS} at a time.` };

  const existing = new Set((await listMembersForRosterMatch(trx, teamId)).map(key));
  const seen = new Map<string, number>();
  const rows = records.map(({ record, info }): RosterRow => {
    const experienceWord = (record.experience ?? "").toLowerCase();
    const candidate = {
      name: record.name ?? "",
      email: record.email ?? "",
      experience: EXPERIENCE_WORDS[experienceWord] ?? experienceWord,
      joinedOn: isoDate(record.joined ?? ""),
    };
    const parsed = z.safeParse(MemberSchema, candidate);
    const problems = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
    if (!EXPERIENCE_WORDS[experienceWord]) {
      problems.splice(0, problems.length, ...problems.filter((p) => !p.startsWith("Say whether")));
      problems.push('Write "experienced" or "new to care" in the experience column');
    }
    const row: RosterRow = {
      line: info.lines,
      name: parsed.success ? parsed.data.name : candidate.name,
      email: parsed.success ? (parsed.data.email ?? "") : candidate.email,
      experience: EXPERIENCE_WORDS[experienceWord] ?? "",
      joinedOn: candidate.joinedOn,
      status: problems.length ? "problem" : "new",
      problems,
    };
    if (!problems.length) {
      const k = key({ ...row, email: row.email || null });
      const earlier = seen.get(k);
      if (earlier) {
        row.status = "problem";
        row.problems.push(`The same person as line ${earlier}`);
      } else {
        seen.set(k, row.line);
        if (existing.has(k)) row.status = "existing";
      }
    }
    return row;
  });
  return { rows, fileProblem: null };
}

/**
 * Adds the new rows of a roster file, all or nothing: the file is read again in this transaction
 * (the preview may be stale) and refused while any row has a problem.
 */
export async function importRoster(ctx: UseCaseContext, args: { teamId: string; csv: string; actor: Actor }) {
  const { trx } = ctx;
  const team = await lockTeamById(trx, args.teamId);
  if (!team) throw new TeamError("not_found", "We could not find that team.");
  if (team.archivedAt) throw new TeamError("archived", `${team.name} is archived: choose an active team`);
  const preview = await previewRoster(trx, team.id, args.csv);
  if (preview.fileProblem) throw new TeamError("invalid", preview.fileProblem, "file");
  const problems = preview.rows.filter((r) => r.status === "problem");
  if (problems.length)
    throw new TeamError(
      "invalid",
      `Fix the ${problems.length} row${problems.length === 1 ? "" : "s"} with a problem, then upload the file again`,
      "file",
    );
  const added = preview.rows.filter((r) => r.status === "new");
  for (const row of added) {
    const member = await trx
      .insertInto("teamMembers")
      .values({
        teamId: team.id,
        name: row.name,
        email: row.email || null,
        experience: row.experience as "experienced" | "new_to_care",
        joinedOn: row.joinedOn,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertMembership(trx, { memberId: member.id, teamId: team.id, fromOn: row.joinedOn });
  }
  if (added.length) {
    await recordAudit(trx, {
      actor: args.actor,
      kind: "member",
      action: "member.import",
      subjectId: team.id,
      summary: `Imported ${added.length} member${added.length === 1 ? "" : "s"} into ${team.name} from a roster file`,
      after: { added: added.length, alreadyThere: preview.rows.length - added.length },
    });
  }
  return { added: added.length, unchanged: preview.rows.length - added.length };
}
