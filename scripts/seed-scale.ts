/**
 * Synthetic data at scale: one realistic organisation with N applications, for the analytics
 * dashboard and its benchmark (issue 7).
 *
 *   npm run seed:scale -- --applications 1000000 [--org scale] [--seed 42] [--batch 5000]
 *
 * Connects as the database owner (DATABASE_URL) to the current, migrated database and replaces the
 * organisation with that slug (deleting its row cascades to everything it owns). Every row is
 * generated in memory, a batch of applications at a time, and loaded with multi-row
 * `INSERT ... SELECT FROM unnest(...)` statements (pg-copy-streams is not a dependency), in ONE
 * transaction: a failed run leaves the database as it was.
 *
 * While loading, the transaction runs with `session_replication_role = replica` (when the owner
 * is a superuser): that skips every trigger, foreign-key checks included (the rows are consistent by
 * construction; the integration test checks that), the team-mix snapshot trigger on team_members
 * and any analytics triggers. What those triggers would have written is rebuilt once at the end:
 * the team-mix snapshots (today's through `take_team_mix_snapshot`, plus month-end history for the
 * last 12 months) and, if the function exists, `rebuild_analytics(org_id)`.
 *
 * About two in three applications get voluntary equal opportunities monitoring answers
 * (diversity_answers), chosen from how far the application got so that the People page has two mild
 * hotspots to find (see MONITORING below).
 *
 * Deterministic for a given --seed and --now (ids included: they are counter-based uuids whose
 * prefix comes from the seed and the slug).
 */
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { SOURCES } from "../app/domain/applications/application.schema.js";
import type { MONITORING_QUESTIONS, MonitoringQuestion } from "../app/domain/diversity/monitoring.js";
import { DEFAULT_SURVEY } from "../app/domain/survey/default-survey.js";
import { hashPassword } from "../app/utils/password.server.js";

export type SeedScaleOptions = {
  applications: number;
  /** Organisation slug, default "scale". */
  org?: string;
  seed?: number;
  /** Owner connection string; default DATABASE_URL (or the local default). */
  databaseUrl?: string;
  /** Applications generated per batch (each table is loaded in statements of at most 10k rows). */
  batchSize?: number;
  /** "Today" for the generator; default now. Pass it to reproduce a run exactly. */
  now?: Date;
  log?: (line: string) => void;
};

export type SeedScaleResult = {
  orgId: string;
  slug: string;
  counts: Record<string, number>;
  elapsedMs: number;
  /** Milliseconds `rebuild_analytics` took, or null when the function does not exist. */
  analyticsMs: number | null;
  triggersSkipped: boolean;
};

type Source = keyof typeof SOURCES;
/** How far an application got, as far as the monitoring answers care (attended includes later steps). */
type Reached = "applied" | "survey" | "missed_workshop" | "attended" | "left_after_offer" | "started";
type Experience = "experienced" | "new_to_care";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const YEARS = 3;
const STATEMENT_ROWS = 10_000;
const WORKSHOP_CAPACITY = 25;
const SURVEY_THRESHOLD = 60;
const ACTOR = "Seed";

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function splitmix32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** sfc32: small, fast, good enough for synthetic data. */
export function createRng(seed: number) {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    /** Index chosen with probability proportional to its weight. */
    weighted: (weights: readonly number[]) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal: (mean: number, sd: number) => {
      const u = Math.max(next(), 1e-12);
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle: <T>(list: T[]): T[] => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
      return list;
    },
  };
  return rng;
}

/** Counter-based v4-shaped uuids: unique per (seed, slug) run, deterministic, and index-friendly. */
function uuidFactory(seed: number, slug: string) {
  let h = seed >>> 0;
  for (const ch of slug) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const r = splitmix32(h);
  const hex = (n: number, len: number) => n.toString(16).padStart(8, "0").slice(0, len);
  const prefix = `${hex(r(), 8)}-${hex(r(), 4)}-4${hex(r(), 3)}-${"89ab"[r() % 4]}${hex(r(), 3)}-`;
  let counter = 0;
  return () => prefix + (++counter).toString(16).padStart(12, "0");
}

// ---------------------------------------------------------------------------------------------
// The shape of the organisation

const REGIONS: { name: string; towns: string[] }[] = [
  { name: "Severn Vale", towns: ["Gloucester", "Stroud", "Tewkesbury", "Cheltenham", "Cirencester", "Dursley", "Ledbury"] },
  { name: "Peak Fringe", towns: ["Buxton", "Matlock", "Bakewell", "Glossop", "Chesterfield", "Belper", "Ashbourne"] },
  { name: "Fenland", towns: ["Ely", "Wisbech", "March", "Chatteris", "Whittlesey", "Huntingdon", "St Ives"] },
  { name: "North Coast", towns: ["Whitby", "Scarborough", "Filey", "Bridlington", "Pickering", "Malton", "Helmsley"] },
  { name: "Marches", towns: ["Hereford", "Leominster", "Ludlow", "Ross-on-Wye", "Kington", "Bromyard", "Hay-on-Wye"] },
  { name: "Downs", towns: ["Lewes", "Seaford", "Newhaven", "Uckfield", "Hailsham", "Burgess Hill", "Haywards Heath"] },
];
const TEAM_SUFFIXES = ["Circle", "North", "South", "East", "West", "Central", "Riverside", "Hill"];
const FIRST_NAMES = [
  "Amara",
  "Ben",
  "Chloe",
  "Dev",
  "Ella",
  "Femi",
  "Grace",
  "Harry",
  "Isla",
  "Jack",
  "Kezia",
  "Liam",
  "Maya",
  "Noah",
  "Olivia",
  "Priya",
  "Quinn",
  "Ruby",
  "Sam",
  "Tariq",
  "Una",
  "Vik",
  "Wren",
  "Yusuf",
  "Zara",
  "Aled",
  "Bethan",
  "Callum",
  "Dami",
  "Erin",
  "Fatima",
  "Gareth",
  "Hana",
  "Ifan",
  "Joy",
  "Kai",
  "Lowri",
  "Mo",
  "Nia",
  "Owen",
];
const LAST_NAMES = [
  "Adeyemi",
  "Brown",
  "Carter",
  "Davies",
  "Evans",
  "Fraser",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nowak",
  "Okafor",
  "Patel",
  "Quayle",
  "Roberts",
  "Smith",
  "Taylor",
  "Umar",
  "Vaughan",
  "Walker",
  "Xu",
  "Young",
  "Zielinski",
  "Ahmed",
  "Bell",
  "Clarke",
  "Doyle",
  "Ellis",
  "Foster",
  "Griffiths",
  "Hall",
  "Jenkins",
  "Kaur",
  "Lee",
  "Mills",
  "Price",
  "Reid",
];
const AVAILABILITY = ["weekday_mornings", "weekday_afternoons", "weekday_evenings", "weekends", "nights"];
const ADJUSTMENTS = ["questions_in_advance", "extra_time", "quiet_space", "step_free", "call_instead"];
const HOURS = ["Part time, 16-24 hours a week", "Full time, 37.5 hours a week", "Flexible, 10-30 hours a week"];
const VACANCY_TITLES = ["Care and support worker", "Weekend care worker", "Night care worker"];

/** Source channels: share of applications and how much each step's odds are scaled. */
const CHANNELS: { source: Source; share: number; factor: number }[] = [
  { source: "job_board", share: 34, factor: 0.9 },
  { source: "social_media", share: 22, factor: 0.96 },
  { source: "referral", share: 10, factor: 1.12 },
  { source: "community_outreach", share: 8, factor: 1.06 },
  { source: "college", share: 7, factor: 1.0 },
  { source: "job_centre", share: 11, factor: 0.94 },
  { source: "other", share: 8, factor: 0.98 },
];
const CHANNEL_SHARES = CHANNELS.map((c) => c.share);

/** More applications in January and September. */
const MONTH_WEIGHT = [1.7, 1.1, 1.0, 0.9, 0.85, 0.8, 0.75, 0.9, 1.6, 1.1, 0.95, 0.7];
const MAX_MONTH_WEIGHT = Math.max(...MONTH_WEIGHT);

const REASONS = {
  appliedWithdrawn: ["Changed my mind", "Took another job", "Applied for the wrong job", "Moving away"],
  appliedDeclined: ["No reply to our messages", "Not enough availability"],
  surveyWithdrawn: ["Changed my mind", "Took another job", "Not the right time"],
  surveyDeclined: ["Did not finish the survey", "Values did not match"],
  notBookedWithdrawn: ["Could not make any workshop date", "Took another job", "Changed my mind"],
  notBookedDeclined: ["No reply to our messages", "Not enough availability"],
  afterWorkshopDeclined: ["Values did not match", "Not enough availability", "Not ready for this role yet", "Workshop scores too low"],
  afterWorkshopWithdrawn: ["Took another job", "Changed my mind", "The hours do not suit me"],
  shadowWithdrawn: [
    "Withdrew after the shadow shift: the job is not for me",
    "Withdrew after the shadow shift: the travel is too much",
    "Took another job",
  ],
  shadowDeclined: ["Shadow shift feedback", "Not enough availability", "Values did not match"],
  offerDeclined: ["I have taken another job", "The pay", "The hours", "Travel to work", null],
} as const;
const WITHDRAWAL_CATEGORIES = [
  ["another_job", "They took another job", 34],
  ["pay", "The pay", 12],
  ["hours", "The hours", 14],
  ["travel", "Travel to work", 10],
  ["personal", "Personal reasons", 12],
  ["checks_failed", "The pre-start checks did not pass", 6],
  ["no_reply", "They stopped replying", 8],
  ["other", "Something else", 4],
] as const;
const NO_SHOW_REASON = "Did not start (no-show)";

// MONITORING: voluntary equal opportunities answers (app/domain/diversity/monitoring.ts). The share of
// each answer among those who answer, roughly the UK social care workforce: about four in five
// women, most aged 25 to 54, about three in ten from an ethnic minority, one in four a carer.
type Shares<Q extends MonitoringQuestion> = Record<keyof (typeof MONITORING_QUESTIONS)[Q]["options"], number>;
const AGE_BANDS: Shares<"ageBand"> = {
  "16_24": 10,
  "25_34": 21,
  "35_44": 23,
  "45_54": 23,
  "55_64": 16,
  "65_plus": 4,
  prefer_not_to_say: 3,
};
const GENDERS: Shares<"gender"> = { woman: 78, man: 17, non_binary: 1, another_way: 0.5, prefer_not_to_say: 3.5 };
const DISABILITY: Shares<"disability"> = { yes: 10, no: 86, prefer_not_to_say: 4 };
const ETHNICITIES: Shares<"ethnicity"> = { white: 70, black: 12, asian: 10, mixed: 4, other: 2, prefer_not_to_say: 2 };
const CARING: Shares<"caring"> = { yes: 25, no: 71, prefer_not_to_say: 4 };
// Two mild hotspots for the People page, made by choosing the answers from how far the application
// got: carers more often miss the workshop (do not book, or do not come), so their attendance is
// lower; 16-24s more often leave after an offer (decline, withdraw, do not start).
const CARING_MISSED_WORKSHOP: Shares<"caring"> = { yes: 33, no: 63, prefer_not_to_say: 4 };
const CARING_ATTENDED: Shares<"caring"> = { yes: 21, no: 75, prefer_not_to_say: 4 };
const AGE_BANDS_LEFT_AFTER_OFFER: Shares<"ageBand"> = { ...AGE_BANDS, "16_24": 16 };
const AGE_BANDS_STARTED: Shares<"ageBand"> = { ...AGE_BANDS, "16_24": 8.5 };
/** Candidates who stop before the survey answer a little less often (they have less reason to sign in again). */
const ANSWER_RATE_APPLIED = 0.6;
const ANSWER_RATE_LATER = 0.68;

// ---------------------------------------------------------------------------------------------
// Batches of rows, loaded with INSERT ... SELECT FROM unnest(...)

type Col = { name: string; type: string; expr?: string };

/** Columns written "name:type" ("text" when no type is given), separated by spaces. */
function cols(spec: string): Col[] {
  return spec.split(" ").map((column) => {
    const [name, type = "text"] = column.split(":");
    return { name, type };
  });
}

class Rows {
  readonly cols: unknown[][];
  constructor(
    readonly table: string,
    readonly spec: Col[],
  ) {
    this.cols = spec.map(() => []);
  }
  push(...values: unknown[]) {
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
  }
  get length() {
    return this.cols[0].length;
  }
  clear() {
    for (const c of this.cols) c.length = 0;
  }
  /** One statement per STATEMENT_ROWS rows; `extra` parameters follow the column arrays. */
  statements(extra: unknown[] = []): { text: string; values: unknown[] }[] {
    const names = this.spec.map((c) => c.name).join(", ");
    const select = this.spec.map((c, i) => (c.expr ? c.expr : `c${i}`)).join(", ");
    const args = this.spec.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    const aliases = this.spec.map((_, i) => `c${i}`).join(", ");
    const text = `insert into ${this.table} (${names}) select ${select} from unnest(${args}) as u(${aliases})`;
    const out = [];
    for (let start = 0; start < this.length; start += STATEMENT_ROWS) {
      out.push({ text, values: [...this.cols.map((c) => c.slice(start, start + STATEMENT_ROWS)), ...extra] });
    }
    return out;
  }
}

// Per-value item counts of the default survey, for the (synthetic) profile of a completed response.
function surveyValueTotals() {
  const totals = new Map<string, number>();
  for (const item of DEFAULT_SURVEY.items) {
    if (item.kind === "statement") totals.set(item.value, (totals.get(item.value) ?? 0) + 1);
    else {
      for (const value of new Set(item.options.flatMap((o) => Object.keys(o.points)))) {
        if (Math.max(...item.options.map((o) => o.points[value] ?? 0)) > 0) totals.set(value, (totals.get(value) ?? 0) + 1);
      }
    }
  }
  return DEFAULT_SURVEY.values.map((v) => ({ key: v.key, name: v.name, total: totals.get(v.key) ?? 0 }));
}

/** Draws an answer in proportion to its share, from one uniform number in [0, 1). */
function sampler<K extends string>(shares: Record<K, number>) {
  const keys = Object.keys(shares) as K[];
  const bounds: number[] = [];
  let total = 0;
  for (const key of keys) {
    total += shares[key];
    bounds.push(total);
  }
  return (u: number): K => {
    const r = u * total;
    for (let i = 0; i < keys.length - 1; i++) if (r < bounds[i]) return keys[i];
    return keys[keys.length - 1];
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const clamp = (p: number) => Math.min(0.98, Math.max(0.01, p));

export function parseArgs(argv: string[]) {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unexpected argument "${argv[i]}"`);
    args[m[1]] = m[2] ?? argv[++i];
  }
  const applications = Number(args.applications ?? 10_000);
  if (!Number.isInteger(applications) || applications < 1) throw new Error("--applications must be a whole number above 0");
  const org = args.org ?? "scale";
  if (!/^[a-z0-9-]+$/.test(org)) throw new Error("--org must be lower-case letters, digits and hyphens");
  return {
    applications,
    org,
    seed: Number(args.seed ?? 42),
    batchSize: args.batch ? Number(args.batch) : undefined,
    now: args.now ? new Date(args.now) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------

export async function seedScale(options: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const slug = options.org ?? "scale";
  const seed = options.seed ?? 42;
  const N = options.applications;
  const batchSize = options.batchSize ?? 5000;
  const now = (options.now ?? new Date()).getTime();
  const windowStart = now - YEARS * 365 * DAY;
  const rng = createRng(seed);
  // The monitoring answers draw from their own stream, so for a given seed every other table is the
  // same as before they existed (and the same whether or not anyone answers).
  const answerRng = createRng(seed ^ 0x6d6f6e69);
  const uuid = uuidFactory(seed, slug);

  const client = new pg.Client({
    connectionString: options.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/circle_hire",
  });
  await client.connect();
  const passwordHash = await hashPassword("demo-password-1");

  try {
    await client.query("begin");
    const superuser = (await client.query<{ s: string }>("select current_setting('is_superuser') as s")).rows[0].s === "on";
    const previous = (await client.query<{ id: string }>("select id from organisations where slug = $1", [slug])).rows[0];
    if (previous) {
      // Replacing a big organisation: a plain cascade deletes its applications row by row, and some
      // child tables have no index for it. Empty every tenant table by org_id first (triggers off),
      // then let the organisation's own cascade finish whatever is left.
      const t0 = performance.now();
      if (superuser) {
        await client.query("set local session_replication_role = replica");
        const tables = await client.query<{ t: string }>(
          `select c.table_name as t from information_schema.columns c
           join information_schema.tables t using (table_schema, table_name)
           where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'`,
        );
        for (const { t } of tables.rows) await client.query(`delete from "${t}" where org_id = $1`, [previous.id]);
        await client.query("set local session_replication_role = origin");
      }
      await client.query("delete from organisations where id = $1", [previous.id]);
      log(`Replaced the existing organisation "${slug}" (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    // After the delete: its cascades are triggers too, and must run.
    if (superuser) await client.query("set local session_replication_role = replica");
    log(
      superuser
        ? "Triggers and foreign-key checks skipped while loading (session_replication_role = replica); rebuilt at the end"
        : "Not a superuser: triggers stay on while loading (slower)",
    );

    // --- The organisation, its regions, teams, members, vacancies, staff, survey, workshops ---
    const orgId = uuid();
    await client.query("insert into organisations (id, slug, name, created_at) values ($1, $2, $3, $4)", [
      orgId,
      slug,
      `${slug.replace(/(^|-)([a-z])/g, (_, sep: string, c: string) => (sep ? " " : "") + c.toUpperCase())} Care (synthetic)`,
      iso(windowStart - 30 * DAY),
    ]);
    await client.query("insert into org_settings (org_id) values ($1)", [orgId]);

    const regionCount = rng.int(4, 6);
    const regions = rng
      .shuffle([...REGIONS])
      .slice(0, regionCount)
      .map((r) => ({ ...r, id: uuid(), teams: [] as number[] }));
    const regionRows = new Rows("regions", cols("id:uuid org_id:uuid name"));
    for (const r of regions) regionRows.push(r.id, orgId, r.name);

    type Team = {
      id: string;
      region: number;
      name: string;
      town: string;
      weight: number;
      experiencedShare: number;
      members: string[];
      size: number;
      experienced: number;
      vacancies: { id: string; createdAt: number }[];
    };
    const teamCount = rng.int(30, 40);
    const teams: Team[] = [];
    const teamNames = new Set<string>();
    for (let i = 0; i < teamCount; i++) {
      const region = i < regions.length ? i : rng.int(0, regions.length - 1);
      let town = rng.pick(regions[region].towns);
      let name = `${town} ${rng.pick(TEAM_SUFFIXES)}`;
      while (teamNames.has(name)) {
        town = rng.pick(regions[region].towns);
        name = `${town} ${rng.pick(TEAM_SUFFIXES)}`;
      }
      teamNames.add(name);
      // Most teams near the 50% target; some drift towards experienced or new-to-care people.
      const drift = rng.chance(0.25) ? (rng.chance(0.5) ? -1 : 1) * rng.between(0.15, 0.25) : rng.between(-0.06, 0.06);
      // Sizes 5-11, with a few teams at the split point (12) and a few too small (3-4).
      const size = i % 11 === 3 ? 12 : i % 11 === 7 ? rng.int(3, 4) : rng.int(5, 11);
      teams.push({
        id: uuid(),
        region,
        name,
        town,
        weight: rng.between(0.5, 1.5),
        experiencedShare: 0.5 + drift,
        members: [],
        size,
        experienced: 0,
        vacancies: [],
      });
      regions[region].teams.push(i);
    }
    const teamRows = new Rows("teams", cols("id:uuid org_id:uuid region_id:uuid name town"));
    const memberRows = new Rows("team_members", cols("id:uuid org_id:uuid team_id:uuid name email experience joined_on:date left_on:date"));
    const vacancyRows = new Rows(
      "vacancies",
      cols("id:uuid org_id:uuid team_id:uuid title town hours summary status created_at:timestamptz"),
    );
    let memberSerial = 0;
    for (const team of teams) {
      teamRows.push(team.id, orgId, regions[team.region].id, team.name, team.town);
      const experienced = Math.round(team.size * team.experiencedShare);
      for (let m = 0; m < team.size; m++) {
        const id = uuid();
        const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const joined = windowStart - rng.between(30, 4 * 365) * DAY;
        memberRows.push(
          id,
          orgId,
          team.id,
          name,
          `member${++memberSerial}@${slug}.test`,
          m < experienced ? "experienced" : "new_to_care",
          isoDate(joined),
          null,
        );
        team.members.push(id);
      }
      team.experienced = experienced;
      const vacancyCount = rng.chance(0.5) ? 2 : 1;
      for (let v = 0; v < vacancyCount; v++) {
        const createdAt = v === 0 ? windowStart - 14 * DAY : windowStart + rng.between(0, 2 * 365) * DAY;
        const id = uuid();
        team.vacancies.push({ id, createdAt });
        vacancyRows.push(
          id,
          orgId,
          team.id,
          VACANCY_TITLES[v],
          team.town,
          rng.pick(HOURS),
          `Join the ${team.name} team: caring for people in their own homes in and around ${team.town}.`,
          "open",
          iso(createdAt),
        );
      }
    }
    const userRows = new Rows("users", cols("id:uuid org_id:uuid email name password_hash role created_at:timestamptz"));
    userRows.push(uuid(), orgId, `lead@${slug}.test`, "Lee Scale", passwordHash, "lead", iso(windowStart - 30 * DAY));
    userRows.push(uuid(), orgId, `coach@${slug}.test`, "Cat Scale", passwordHash, "coach", iso(windowStart - 30 * DAY));

    const surveyVersionId = uuid();
    const workshopRows = new Rows(
      "workshops",
      cols("id:uuid org_id:uuid starts_at:timestamptz ends_at:timestamptz venue_name venue_address capacity:int created_at:timestamptz"),
    );
    const workshopTeamRows = new Rows("workshop_teams", cols("org_id:uuid workshop_id:uuid team_id:uuid"));
    // Weekly-ish workshops per region, as many a week as the expected bookings need (about 0.42
    // bookings per application, January and September peaks), from the window's start to 6 weeks ahead.
    const weeks = Math.ceil((now + 42 * DAY - windowStart) / (7 * DAY));
    const perWeek = Math.max(1, Math.ceil((0.42 * N * 1.5) / (YEARS * 52 * regions.length * WORKSHOP_CAPACITY)));
    type Slots = { ids: string[]; starts: number[]; seats: Int32Array };
    const slots: Slots[] = regions.map((region) => {
      const ids: string[] = [];
      const starts: number[] = [];
      const firstMonday = windowStart - (((new Date(windowStart).getUTCDay() + 6) % 7) * DAY + (windowStart % DAY));
      for (let w = 0; w < weeks; w++) {
        for (let k = 0; k < perWeek; k++) {
          const day = 1 + (k % 4); // Tuesday to Friday
          const start = firstMonday + w * 7 * DAY + day * DAY + (k % 8 < 4 ? 10 : 14) * HOUR;
          const id = uuid();
          const town = region.towns[(w + k) % region.towns.length];
          ids.push(id);
          starts.push(start);
          workshopRows.push(
            id,
            orgId,
            iso(start),
            iso(start + 3 * HOUR),
            `${town} Community Centre`,
            `High Street, ${town}`,
            WORKSHOP_CAPACITY,
            iso(start - 28 * DAY),
          );
          for (const t of region.teams) workshopTeamRows.push(orgId, id, teams[t].id);
        }
      }
      // Ordered by start time for the binary search below.
      const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
      return { ids: order.map((i) => ids[i]), starts: order.map((i) => starts[i]), seats: new Int32Array(ids.length) };
    });
    /** The first workshop in the region starting at or after `after` with a free seat. */
    const bookSlot = (region: number, after: number) => {
      const s = slots[region];
      let lo = 0;
      let hi = s.starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s.starts[mid] < after) lo = mid + 1;
        else hi = mid;
      }
      while (lo < s.starts.length && s.seats[lo] >= WORKSHOP_CAPACITY) lo++;
      if (lo >= s.starts.length) return null;
      s.seats[lo]++;
      return { id: s.ids[lo], startsAt: s.starts[lo] };
    };

    const setup = [regionRows, teamRows, memberRows, vacancyRows, userRows, workshopRows, workshopTeamRows];
    for (const rows of setup) for (const st of rows.statements()) await client.query(st.text, st.values);
    await client.query(
      "insert into survey_versions (id, org_id, version, status, definition, created_at, published_at) values ($1, $2, 1, 'live', $3, $4, $4)",
      [surveyVersionId, orgId, JSON.stringify(DEFAULT_SURVEY), iso(windowStart - 30 * DAY)],
    );
    log(
      `Organisation "${slug}": ${regions.length} regions, ${teams.length} teams, ${memberRows.length} members, ${workshopRows.length} workshops`,
    );

    // --- Applications and everything that follows from them, a batch at a time ---
    const candidates = new Rows("candidates", cols("id:uuid org_id:uuid email full_name phone created_at:timestamptz"));
    const applications = new Rows("applications", [
      ...cols("id:uuid org_id:uuid candidate_id:uuid vacancy_id:uuid stage experience source location"),
      { name: "availability", type: "text", expr: "c8::text[]" },
      { name: "right_to_work", type: "boolean" },
      { name: "adjustments", type: "text", expr: "c10::text[]" },
      ...cols("created_at:timestamptz stage_changed_at:timestamptz"),
    ]);
    const events = new Rows(
      "application_events",
      cols("id:uuid org_id:uuid application_id:uuid kind from_stage to_stage actor_name reason created_at:timestamptz"),
    );
    // The profile is built in SQL from the fit (each value's score near it), to keep the batch small.
    const valueTotals = surveyValueTotals();
    const itemTotal = DEFAULT_SURVEY.items.length;
    const nv = 9; // column parameters before the value key/name/total arrays
    const responses = new Rows("survey_responses", [
      ...cols("id:uuid org_id:uuid version_id:uuid application_id:uuid started_at:timestamptz completed_at:timestamptz fit:int outcome"),
      {
        name: "profile",
        type: "int",
        expr: `case when c5 is null then null else jsonb_build_object(
          'values', (select jsonb_agg(jsonb_build_object('key', v.k, 'name', v.n,
            'score', least(100, greatest(0, c6 + (abs(hashtext(c0::text || v.k)) % 21) - 10)), 'answered', v.t, 'total', v.t) order by v.o)
            from unnest($${nv + 1}::text[], $${nv + 2}::text[], $${nv + 3}::int[]) with ordinality as v(k, n, t, o)),
          'fit', c6, 'answered', c8, 'total', c8) end`,
      },
    ]);
    const responseExtra = [valueTotals.map((v) => v.key), valueTotals.map((v) => v.name), valueTotals.map((v) => v.total)];
    const bookings = new Rows("workshop_bookings", [
      ...cols(
        "id:uuid org_id:uuid workshop_id:uuid application_id:uuid status booked_at:timestamptz cancelled_at:timestamptz attendance attendance_recorded_at:timestamptz",
      ),
    ]);
    const shifts = new Rows("shadow_shifts", [
      ...cols(
        "id:uuid org_id:uuid team_id:uuid host_member_id:uuid application_id:uuid origin status starts_at:timestamptz ends_at:timestamptz meeting_point created_at:timestamptz confirmed_at:timestamptz",
      ),
    ]);
    const votes = new Rows("votes", [
      ...cols(
        "id:uuid org_id:uuid application_id:uuid team_id:uuid status rule quorum visibility opened_at:timestamptz opened_by_name closes_at:timestamptz closed_at:timestamptz outcome",
      ),
      // eligible, required, cast, yes, no (concern = cast - yes - no)
      {
        name: "result",
        type: "text",
        expr: "case when c12 is null then null else jsonb_build_object('eligible', (c13::int[])[1], 'required', (c13::int[])[2], 'cast', (c13::int[])[3], 'yes', (c13::int[])[4], 'no', (c13::int[])[5], 'concern', (c13::int[])[3] - (c13::int[])[4] - (c13::int[])[5]) end",
      },
    ]);
    const offers = new Rows("offers", [
      ...cols(
        "id:uuid org_id:uuid application_id:uuid team_id:uuid buddy_member_id:uuid role_title hours pay start_date:date status created_by_name created_at:timestamptz accepted_at:timestamptz declined_at:timestamptz decline_reason withdrawn_at:timestamptz withdrawal_reason started_on:date member_id:uuid no_show_flagged_at:timestamptz",
      ),
    ]);
    const starters = new Rows("team_members", memberRows.spec);
    const answers = new Rows(
      "diversity_answers",
      cols("application_id:uuid org_id:uuid age_band gender disability ethnicity caring answered_at:timestamptz"),
    );
    const ageBand = sampler(AGE_BANDS);
    const ageBandLeftAfterOffer = sampler(AGE_BANDS_LEFT_AFTER_OFFER);
    const ageBandStarted = sampler(AGE_BANDS_STARTED);
    const gender = sampler(GENDERS);
    const disability = sampler(DISABILITY);
    const ethnicity = sampler(ETHNICITIES);
    const caring = sampler(CARING);
    const caringMissedWorkshop = sampler(CARING_MISSED_WORKSHOP);
    const caringAttended = sampler(CARING_ATTENDED);
    // Parents before children (foreign keys hold at every statement even when checks are on).
    const batchTables = [candidates, applications, events, responses, bookings, shifts, votes, starters, offers, answers];

    const teamWeights = teams.map((t) => t.weight);
    const span = now - windowStart;

    /** Generates one application and its whole history. */
    const generate = (index: number) => {
      // When: over the last three years, more in January and September.
      let createdAt: number;
      do createdAt = windowStart + rng.next() * span;
      while (rng.next() * MAX_MONTH_WEIGHT > MONTH_WEIGHT[new Date(createdAt).getUTCMonth()]);
      const teamIndex = rng.weighted(teamWeights);
      const team = teams[teamIndex];
      const region = regions[team.region];
      const open = team.vacancies.filter((v) => v.createdAt <= createdAt);
      const vacancy = rng.pick(open.length ? open : team.vacancies);
      if (vacancy.createdAt > createdAt) createdAt = vacancy.createdAt + rng.between(1, 20) * DAY;
      const channel = CHANNELS[rng.weighted(CHANNEL_SHARES)];
      const f = channel.factor;
      const experience: Experience = rng.chance(team.experiencedShare - 0.05) ? "experienced" : "new_to_care";
      // 0 three years ago, 1 today: post-offer drop-out and early leaving improve over time.
      const progress = (createdAt - windowStart) / span;
      const rightToWork = !rng.chance(0.02);

      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const candidateId = uuid();
      const applicationId = uuid();
      const fullName = `${first} ${last}`;
      candidates.push(
        candidateId,
        orgId,
        `${first}.${last}.${index}@example.test`.toLowerCase(),
        fullName,
        `07700 ${String(900000 + (index % 100000)).padStart(6, "0")}`,
        iso(createdAt),
      );

      let stage = "applied";
      let at = createdAt;
      let changedAt = createdAt;
      /** How far the application got (for the monitoring answers' hotspots); set by walk(). */
      let reached = "applied" as Reached;
      const event = (to: string, when: number, reason: string | null) => {
        events.push(uuid(), orgId, applicationId, "stage", to === "applied" ? null : stage, to, ACTOR, reason, iso(when));
        stage = to;
        at = when;
        changedAt = when;
      };
      /** Moves forward when that moment has come; false when it is still in the future. */
      const advance = (to: string, when: number, reason: string | null = null) => {
        if (when > now) return false;
        event(to, when, reason);
        return true;
      };
      /** Closes the application (most of the time: some are simply left open, as in life). */
      const close = (withdrawn: readonly (string | null)[], declined: readonly (string | null)[], pWithdrawn: number, when: number) => {
        if (when > now || rng.chance(0.08)) return;
        const w = rng.chance(pWithdrawn);
        event(w ? "withdrawn" : "declined", when, rng.pick(w ? withdrawn : declined) ?? "No reason given");
      };

      event("applied", createdAt, "Applied online");
      // The application's path through the pipeline; each return is where it stops.
      const walk = () => {
        // Survey: most start it, about 70% of applicants finish it.
        if (!rightToWork || !rng.chance(clamp(0.88 * f))) {
          close(
            REASONS.appliedWithdrawn,
            rightToWork ? REASONS.appliedDeclined : ["No right to work in the UK"],
            rightToWork ? 0.5 : 0,
            at + rng.between(5, 30) * DAY,
          );
          return;
        }
        if (!advance("survey", at + rng.between(0.02, 3) * DAY, "Started the values survey")) return;
        reached = "survey";
        const responseId = uuid();
        const surveyStarted = at;
        if (!rng.chance(clamp(0.8 * f))) {
          responses.push(responseId, orgId, surveyVersionId, applicationId, iso(surveyStarted), null, null, null, itemTotal);
          close(REASONS.surveyWithdrawn, REASONS.surveyDeclined, 0.4, at + rng.between(7, 30) * DAY);
          return;
        }
        const completedAt = at + rng.between(0.01, 2) * DAY;
        if (completedAt > now) {
          responses.push(responseId, orgId, surveyVersionId, applicationId, iso(surveyStarted), null, null, null, itemTotal);
          return;
        }
        const fit = Math.round(Math.min(98, Math.max(15, rng.normal(68 + (f - 1) * 40, 12))));
        const invited = fit >= SURVEY_THRESHOLD;
        responses.push(
          responseId,
          orgId,
          surveyVersionId,
          applicationId,
          iso(surveyStarted),
          iso(completedAt),
          fit,
          invited ? "invited" : "review",
          itemTotal,
        );
        at = completedAt;
        if (invited) {
          event(
            "workshop",
            completedAt,
            `Overall fit ${fit} is at or above the threshold of ${SURVEY_THRESHOLD}: invited to book a workshop`,
          );
        } else if (rng.chance(0.4)) {
          if (!advance("workshop", completedAt + rng.between(1, 6) * DAY, "Reviewed by the lead: invited to a workshop")) return;
        } else {
          close(REASONS.surveyWithdrawn, ["Values did not match"], 0.1, completedAt + rng.between(1, 7) * DAY);
          return;
        }

        // Workshop: about 60% of survey completers book a seat; about 15% of those do not come.
        if (!rng.chance(clamp(0.7 * f))) {
          reached = "missed_workshop";
          close(REASONS.notBookedWithdrawn, REASONS.notBookedDeclined, 0.6, at + rng.between(7, 21) * DAY);
          return;
        }
        const bookedAt = at + rng.between(0.05, 4) * DAY;
        if (bookedAt > now) return;
        const slot = bookSlot(team.region, bookedAt + rng.between(2, 10) * DAY);
        if (!slot) return;
        const bookingId = uuid();
        const endsAt = slot.startsAt + 3 * HOUR;
        if (endsAt > now) {
          bookings.push(bookingId, orgId, slot.id, applicationId, "booked", iso(bookedAt), null, null, null);
          return;
        }
        const recordedAt = endsAt + rng.between(0.2, 20) * HOUR;
        if (rng.chance(clamp(0.15 / f))) {
          bookings.push(bookingId, orgId, slot.id, applicationId, "cancelled", iso(bookedAt), iso(recordedAt), "no_show", iso(recordedAt));
          reached = "missed_workshop";
          at = recordedAt;
          close(
            ["Could not come to the workshop", "Took another job"],
            ["Did not attend workshop"],
            0.2,
            recordedAt + rng.between(0.5, 5) * DAY,
          );
          return;
        }
        bookings.push(
          bookingId,
          orgId,
          slot.id,
          applicationId,
          "booked",
          iso(bookedAt),
          null,
          rng.chance(0.08) ? "late" : "attended",
          iso(recordedAt),
        );
        reached = "attended";
        at = recordedAt;

        // Shadow shift: the lead invites a good share of attendees.
        if (!rng.chance(clamp(0.42 * f))) {
          close(REASONS.afterWorkshopWithdrawn, REASONS.afterWorkshopDeclined, 0.3, at + rng.between(1, 7) * DAY);
          return;
        }
        if (!advance("shadow", at + rng.between(1, 6) * DAY)) return;
        const shiftStart = at + rng.between(3, 14) * DAY;
        const host = rng.pick(team.members);
        const confirmedAt = at + rng.between(0.2, 2) * DAY;
        const confirmed = confirmedAt <= now;
        shifts.push(
          uuid(),
          orgId,
          team.id,
          host,
          applicationId,
          "proposed",
          confirmed ? "confirmed" : "proposed",
          iso(shiftStart),
          iso(shiftStart + 5 * HOUR),
          `${team.town} office`,
          iso(at),
          confirmed ? iso(confirmedAt) : null,
        );
        const shiftEnd = shiftStart + 5 * HOUR;
        if (shiftEnd > now) return;
        at = shiftEnd;

        // Team vote.
        if (!rng.chance(clamp(0.8 * f))) {
          close(REASONS.shadowWithdrawn, REASONS.shadowDeclined, 0.55, at + rng.between(0.5, 5) * DAY);
          return;
        }
        if (!advance("vote", at + rng.between(0.5, 3) * DAY, "Team vote opened by Seed")) return;
        const voteId = uuid();
        const closesAt = at + 72 * HOUR;
        const eligible = team.size;
        const required = Math.ceil((eligible * 2) / 3);
        if (closesAt > now) {
          votes.push(
            voteId,
            orgId,
            applicationId,
            team.id,
            "open",
            "consent",
            "two_thirds",
            "secret",
            iso(at),
            ACTOR,
            iso(closesAt),
            null,
            null,
            null,
          );
          return;
        }
        const passed = rng.chance(clamp(0.85 * f));
        const cast = rng.int(required, eligible);
        const no = passed ? 0 : rng.int(1, Math.max(1, Math.min(2, cast)));
        const yes = passed ? cast - (rng.chance(0.2) ? 1 : 0) : Math.max(0, cast - no - rng.int(0, 1));
        const closedAt = cast === eligible ? at + rng.between(0.3, 0.95) * (closesAt - at) : closesAt;
        votes.push(
          voteId,
          orgId,
          applicationId,
          team.id,
          "closed",
          "consent",
          "two_thirds",
          "secret",
          iso(at),
          ACTOR,
          iso(closesAt),
          iso(closedAt),
          passed ? "passed" : "not_passed",
          `{${eligible},${required},${cast},${yes},${no}}`,
        );
        at = closedAt;
        if (!passed) {
          close([], ["The team vote did not pass."], 0, at + rng.between(1, 4) * DAY);
          return;
        }
        event("offer", closedAt, `Team vote closed. ${yes} yes, ${no} no, ${cast - yes - no} concerns.`);

        // Offer: recorded a few days later; accepted or declined; then started or dropped out.
        const offerAt = at + rng.between(0.5, 3) * DAY;
        if (offerAt > now) return;
        const offerId = uuid();
        const startDate = offerAt + rng.between(14, 42) * DAY;
        const startOn = isoDate(startDate);
        const startDay = Date.parse(`${startOn}T09:00:00Z`);
        const buddy = rng.pick(team.members);
        const answerAt = offerAt + rng.between(0.3, 5) * DAY;
        const offer = (
          status: string,
          accepted: number | null,
          declined: number | null,
          declineReason: string | null,
          withdrawn: number | null,
          category: string | null,
          member: string | null,
          noShow: number | null,
        ) =>
          offers.push(
            offerId,
            orgId,
            applicationId,
            team.id,
            buddy,
            "Care and support worker",
            rng.pick(HOURS),
            rng.pick(["£12.60 an hour", "£13.10 an hour", "£13.50 an hour"]),
            startOn,
            status,
            ACTOR,
            iso(offerAt),
            accepted === null ? null : iso(accepted),
            declined === null ? null : iso(declined),
            declineReason,
            withdrawn === null ? null : iso(withdrawn),
            category,
            status === "started" ? startOn : null,
            member,
            noShow === null ? null : iso(noShow),
          );
        if (answerAt > now) {
          offer("offered", null, null, null, null, null, null, null);
          return;
        }
        if (rng.chance(clamp(0.1 / f))) {
          const reason = rng.pick(REASONS.offerDeclined);
          offer("declined", null, answerAt, reason, null, null, null, null);
          reached = "left_after_offer";
          event("withdrawn", answerAt, `Declined the offer: ${reason ?? "no reason given"}`);
          return;
        }
        // Accepted. Post-offer drop-out (accepted, never started) falls from about 30% to 14%.
        const dropOut = rng.chance(clamp((0.3 - 0.16 * progress) / f));
        if (dropOut && rng.chance(0.8)) {
          const withdrawnAt = answerAt + rng.next() * Math.max(DAY, startDay - answerAt - DAY);
          if (withdrawnAt > now) {
            offer("accepted", answerAt, null, null, null, null, null, null);
            return;
          }
          const [category, label] = WITHDRAWAL_CATEGORIES[rng.weighted(WITHDRAWAL_CATEGORIES.map((c) => c[2]))];
          offer("withdrawn", answerAt, null, null, withdrawnAt, category, null, null);
          reached = "left_after_offer";
          event("withdrawn", withdrawnAt, `Withdrew after accepting the offer: ${label}`);
          return;
        }
        if (startDay > now) {
          offer("accepted", answerAt, null, null, null, null, null, null);
          return;
        }
        if (dropOut) {
          const flagged = startDay + rng.between(1, 3) * DAY;
          if (flagged > now) {
            offer("accepted", answerAt, null, null, null, null, null, null);
            return;
          }
          offer("no_show", answerAt, null, null, null, null, null, flagged);
          reached = "left_after_offer";
          event("withdrawn", flagged, NO_SHOW_REASON);
          return;
        }
        // Started: a team member from the start date; some leave within the first year.
        const memberId = uuid();
        let leftOn: string | null = null;
        if (rng.chance(0.29 - 0.11 * progress)) {
          const days = rng.chance(0.45) ? rng.between(7, 90) : rng.between(91, 364);
          if (startDay + days * DAY <= now) leftOn = isoDate(startDay + days * DAY);
        }
        starters.push(
          memberId,
          orgId,
          team.id,
          fullName,
          `${first}.${last}.${index}@example.test`.toLowerCase(),
          experience,
          startOn,
          leftOn,
        );
        offer("started", answerAt, null, null, null, null, memberId, null);
        reached = "started";
        event("started", Math.min(now, startDay + rng.between(0, 8) * HOUR), null);
      };
      walk();

      // Voluntary monitoring answers, usually within a day or two of applying.
      if (answerRng.chance(reached === "applied" ? ANSWER_RATE_APPLIED : ANSWER_RATE_LATER)) {
        const u = answerRng.next();
        const ageFrom = reached === "left_after_offer" ? ageBandLeftAfterOffer : reached === "started" ? ageBandStarted : ageBand;
        const caringFrom =
          reached === "missed_workshop" ? caringMissedWorkshop : reached === "applied" || reached === "survey" ? caring : caringAttended;
        answers.push(
          applicationId,
          orgId,
          ageFrom(answerRng.next()),
          gender(answerRng.next()),
          disability(answerRng.next()),
          ethnicity(answerRng.next()),
          caringFrom(answerRng.next()),
          iso(Math.min(now, createdAt + (0.1 + 47.9 * u * u) * HOUR)),
        );
      }

      const availability = AVAILABILITY.filter(() => rng.chance(0.45));
      if (!availability.length) availability.push(rng.pick(AVAILABILITY));
      applications.push(
        applicationId,
        orgId,
        candidateId,
        vacancy.id,
        stage,
        experience,
        channel.source,
        rng.chance(0.7) ? team.town : rng.pick(region.towns),
        `{${availability.join(",")}}`,
        rightToWork,
        rng.chance(0.08) ? `{${rng.pick(ADJUSTMENTS)}}` : "{}",
        iso(createdAt),
        iso(changedAt),
      );
    };

    /** Loads the batch's rows, one statement after another, while the caller generates the next batch. */
    const fire = () => {
      const statements: { text: string; values: unknown[] }[] = [];
      for (const rows of batchTables) {
        statements.push(...rows.statements(rows === responses ? responseExtra : []));
        rows.clear();
      }
      return (async () => {
        for (const st of statements) await client.query(st.text, st.values);
      })();
    };

    // Generate batch i+1 while PostgreSQL loads batch i.
    let inFlight: Promise<unknown> = Promise.resolve();
    let lastLog = performance.now();
    for (let start = 0; start < N; start += batchSize) {
      const end = Math.min(N, start + batchSize);
      for (let i = start; i < end; i++) generate(i);
      await inFlight;
      inFlight = fire();
      if (performance.now() - lastLog > 5000 || end === N) {
        lastLog = performance.now();
        log(
          `  ${end.toLocaleString("en-GB")} / ${N.toLocaleString("en-GB")} applications (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
    await inFlight;
    log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding what the triggers would have written`);

    // What the skipped triggers would have written: team-mix snapshots (today's, and month ends
    // for the last 12 months so the mix chart has history).
    if (superuser) await client.query("set local session_replication_role = origin");
    await client.query(
      `insert into team_mix_snapshots (org_id, team_id, taken_on, size, experienced)
       select t.org_id, t.id, d.day, count(m.id), count(m.id) filter (where m.experience = 'experienced')
       from teams t
       cross join lateral (
         select (date_trunc('month', ($2::timestamptz at time zone 'Europe/London')) - make_interval(months => g) - interval '1 day')::date as day
         from generate_series(0, 11) g
       ) d
       left join team_members m on m.team_id = t.id and m.joined_on <= d.day and (m.left_on is null or m.left_on > d.day)
       where t.org_id = $1
       group by t.org_id, t.id, d.day
       on conflict (team_id, taken_on) do nothing`,
      [orgId, iso(now)],
    );
    await client.query("select take_team_mix_snapshot(id) from teams where org_id = $1", [orgId]);

    let analyticsMs: number | null = null;
    const hasRebuild = (await client.query("select 1 from pg_proc where proname = 'rebuild_analytics'")).rowCount;
    if (hasRebuild) {
      const t0 = performance.now();
      await client.query("select rebuild_analytics($1::uuid)", [orgId]);
      analyticsMs = performance.now() - t0;
      log(`rebuild_analytics took ${(analyticsMs / 1000).toFixed(2)} s`);
    } else {
      log("No rebuild_analytics function: nothing to rebuild");
    }
    await client.query("commit");

    const tables = [
      "regions",
      "teams",
      "team_members",
      "vacancies",
      "users",
      "workshops",
      "workshop_teams",
      "candidates",
      "applications",
      "application_events",
      "survey_responses",
      "workshop_bookings",
      "shadow_shifts",
      "votes",
      "offers",
      "diversity_answers",
      "team_mix_snapshots",
      ...(hasRebuild
        ? [
            "application_facts",
            "funnel_monthly",
            "funnel_exits_monthly",
            "funnel_exits_cells",
            "offer_outcomes_monthly",
            "people_monthly",
            "people_places_monthly",
          ]
        : []),
    ];
    // Fresh statistics, so the first queries after a big load get good plans.
    await client.query(`analyze ${tables.join(", ")}`);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table} where org_id = $1`, [orgId]);
      counts[table] = Number(rows[0].n);
    }
    return { orgId, slug, counts, elapsedMs: performance.now() - started, analyticsMs, triggersSkipped: superuser };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  console.log(`Seeding ${args.applications.toLocaleString("en-GB")} applications into organisation "${args.org}" (seed ${args.seed})`);
  const result = await seedScale(args);
  console.log("\nRows in the organisation:");
  for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString("en-GB").padStart(12)}`);
  if (result.analyticsMs !== null) console.log(`rebuild_analytics: ${(result.analyticsMs / 1000).toFixed(2)} s`);
  console.log(
    `Done in ${(result.elapsedMs / 1000).toFixed(1)} s (organisation ${result.orgId}); sign in as lead@${result.slug}.test / demo-password-1`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
