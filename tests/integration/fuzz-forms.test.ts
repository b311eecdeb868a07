import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionFunctionArgs } from "@remix-run/node";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getServerEnv } from "#app/env.server.js";
import { createTouchpointLink } from "#app/domain/links/touchpoint-links.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { AfterCommit } from "#app/domain/after-commit.js";
import { createExercise } from "#app/domain/workshops/exercises.server.js";
import { createMemberSurveyLink } from "#app/domain/survey/member-survey.server.js";
import { createVoteLink } from "#app/domain/links/vote-links.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { insertOffer } from "#tests/factories/offer.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { candidateCookie, insertHost, insertShift } from "#tests/factories/shadow.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

// Every form action is sent generated malformed bodies (fixed seed, so a failure replays):
// none may answer 500 or throw anything but a 4xx/3xx Response, and a refused request must
// leave every table of the organisation exactly as it was.

afterAll(closeOwnerDb);

// Fixed, so the suite is repeatable; FUZZ_SEED / FUZZ_PER_ROUTE explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 0x12c0ffee);
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 60);

/** mulberry32: a tiny, well-spread 32-bit PRNG; enough for picking cases reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

// ---- The route modules with an action, read from app/routes like Remix's flat routes do ----

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes/", import.meta.url));

function routeFiles() {
  const found: { id: string; file: string }[] = [];
  for (const entry of readdirSync(ROUTES_DIR)) {
    const full = path.join(ROUTES_DIR, entry);
    if (statSync(full).isDirectory()) {
      const route = ["route.tsx", "route.ts"].map((f) => path.join(full, f)).find((f) => statSync(f, { throwIfNoEntry: false }));
      if (route) found.push({ id: entry, file: route });
    } else if (/\.tsx?$/.test(entry) && !entry.includes(".test.")) {
      found.push({ id: entry.replace(/\.tsx?$/, ""), file: full });
    }
  }
  return found;
}

// ---- What each action expects: its form fields and intents (the generator mutates these) ----

type Who = "none" | "lead" | "member" | "candidate";
type Target = { fields: Record<string, string>; intents?: string[]; arrays?: string[]; cookies: Who[] };

const STAFF: Who[] = ["none", "lead", "member", "candidate"];
const CANDIDATE: Who[] = ["none", "candidate", "lead"];
const PUBLIC: Who[] = ["none", "candidate"];

const VACANCY_FIELDS = (teamId: string) => ({
  title: "Care worker",
  teamId,
  town: "Ashdown",
  postcode: "BS1 4DJ",
  hours: "20 hours a week",
  payFrom: "12.60",
  payTo: "",
  contractType: "part_time",
  closesOn: "2030-01-01",
  summary: "Kind people",
  description: "Visiting people at home.",
});

function targets(w: World): Record<string, Target> {
  return {
    "auth.link": { fields: { token: "abc", intent: "use" }, intents: ["fresh", "use"], cookies: PUBLIC },
    "check-in.$token": { fields: { answer: "good", note: "All fine" }, cookies: PUBLIC },
    // A team member opening a vote from their home page (a shift's id is no vote of theirs: not found).
    home: { fields: { voteId: w.shiftId }, cookies: STAFF },
    me: { fields: { email: "someone@example.com", next: "/me" }, cookies: PUBLIC },
    // "no" never validates, so the fuzzing never erases the candidate the later targets use.
    "me_.delete": { fields: { understood: "no" }, cookies: CANDIDATE },
    "me_.withdraw.$applicationId": { fields: { reason: "Found another job" }, cookies: CANDIDATE },
    "me_.adjustments.$applicationId": {
      fields: { adjustments: "quiet_space", adjustmentsNote: "Please face me" },
      arrays: ["adjustments"],
      cookies: CANDIDATE,
    },
    "me_.monitoring.$applicationId": {
      fields: { ageBand: "25_34", gender: "woman", disability: "no", ethnicity: "white", caring: "no" },
      intents: ["delete", "save"],
      cookies: CANDIDATE,
    },
    "me_.offer.$applicationId": {
      fields: { reason: "pay", withdrawalReason: "pay", note: "Found nearer work" },
      intents: ["accept", "decline", "withdraw"],
      cookies: CANDIDATE,
    },
    "me_.shadow.$applicationId": {
      fields: { slotId: w.shiftId, answer: "yes", note: "Lovely", reason: "Moving away" },
      intents: ["pick", "accept", "cancel", "reflect", "withdraw"],
      cookies: CANDIDATE,
    },
    "me_.survey.$applicationId.$page": { fields: { s1: "4", s2: "2" }, cookies: CANDIDATE },
    "me_.workshop.$applicationId": {
      fields: { workshopId: w.workshopId, adjustments: "None" },
      intents: ["book", "cancel", `waitlist:${w.workshopId}`],
      cookies: CANDIDATE,
    },
    "o.$slug.jobs.$vacancyId": {
      fields: {
        fullName: "Ada Lovelace",
        email: "ada@example.com",
        phone: "07700 900123",
        location: "Bristol",
        availability: "weekends",
        experience: "new_to_care",
        source: "college",
        rightToWork: "yes",
        adjustments: "quiet_space",
        adjustmentsNote: "",
        consent: "yes",
      },
      arrays: ["availability", "adjustments"],
      cookies: PUBLIC,
    },
    // "no" never validates, so the fuzzing never erases the member the later targets use.
    "forgot-password": { fields: { email: "someone@example.com" }, cookies: PUBLIC },
    "reset-password": { fields: { token: "not-a-real-token", password: "a long enough password" }, cookies: PUBLIC },
    "account.password": { fields: { currentPassword: "wrong password", password: "a long enough password" }, cookies: STAFF },
    "settings.organisation": { fields: { name: "Oakfield", contactEmail: "jobs@oakfield.example", senderName: "Oakfield Jobs" }, cookies: STAFF },
    "settings.former-colleagues.$kind.$id": { fields: { reason: "Asked by email", understood: "no" }, cookies: STAFF },
    "pipeline.$applicationId_.personal-data": {
      fields: { reason: "Asked by email", confirmOffer: "no" },
      intents: ["hold", "lift", "erase"],
      cookies: STAFF,
    },
    "pipeline.$applicationId": {
      fields: {
        to: "declined",
        expectedStage: "vote",
        reason: "Not now",
        choice: "yes",
        comment: "",
        teamMemberId: w.memberIds[0],
        message: "Thank you for your time",
        roleTitle: "Care worker",
        hours: "20",
        pay: "£12",
        startDate: "2030-01-01",
        teamId: w.teamId,
        buddyMemberId: w.memberIds[0],
        hostMemberId: w.hostMemberId,
        date: "2030-01-01",
        startTime: "09:00",
        endTime: "12:00",
        meetingPoint: "Office",
        shiftId: w.shiftId,
        kind: "dbs",
        status: "done",
        note: "ok",
        touchpointId: "00000000-0000-4000-8000-000000000000",
      },
      intents: [
        "offer-buddy-call",
        "decline",
        "open-vote",
        "proxy-vote",
        "candidate-message",
        "offer-record",
        "offer-check",
        "shadow-propose",
        "shadow-cancel",
      ],
      cookies: STAFF,
    },
    "settings.keep-in-touch": { fields: { title1: "Week one", body1: "Hello", title2: "Two", body2: "Hi" }, cookies: STAFF },
    "settings.privacy-notice": { fields: { body: "We keep your answers to consider you for jobs. ".repeat(6) }, cookies: STAFF },
    "settings.privacy": {
      fields: { retentionMonths: "6", retentionMonthsFutureJobs: "12", staffRetentionMonths: "24", words_applied: "Thank you", words_workshop: "" },
      cookies: STAFF,
    },
    "settings.staff": {
      fields: { email: "new@example.test", role: "lead", userId: w.leadId, invitationId: w.leadId },
      intents: ["invite", "role", "deactivate", "resend", "withdraw"],
      cookies: STAFF,
    },
    "settings.mix": { fields: { mixTarget: "40", mixBandLow: "30", mixBandHigh: "60" }, cookies: STAFF },
    "settings.survey._index": { fields: { threshold: "60", firstReminderDays: "2", secondReminderDays: "5" }, cookies: STAFF },
    "settings.survey.edit": {
      fields: {
        "values.compassion.name": "Compassion",
        "values.compassion.meaning": "We care",
        "values.compassion.weight": "3",
        "items.com1.text": "I help",
        "items.com1.value": "compassion",
        "items.com1.reverse": "yes",
      },
      intents: ["save", "publish", "discard", "add:compassion", "remove:com2"],
      cookies: STAFF,
    },
    "settings.voting": {
      fields: { voteRule: "consent", voteQuorum: "0.5", voteWindowHours: "72", voteVisibility: "secret" },
      cookies: STAFF,
    },
    "shadow.$shiftId.feedback": {
      fields: {
        concerns: "None",
        recommendation: "yes",
        supportedComment: "",
        supportedBy: "",
        "values.compassion.seen": "yes",
        "values.compassion.note": "Kind",
      },
      cookies: STAFF,
    },
    "shadow._index": {
      fields: { hostMemberId: w.hostMemberId, date: "2030-01-01", startTime: "09:00", endTime: "12:00", meetingPoint: "Office" },
      intents: ["offer", `cancel:${w.shiftId}`],
      cookies: STAFF,
    },
    "sign-in": { fields: { email: "lead@example.com", password: "secret", redirectTo: "/" }, cookies: PUBLIC },
    "sign-out": { fields: {}, cookies: ["none"] },
    "ops.sign-in": { fields: { email: "ops@example.com", password: "secret-secret", redirectTo: "/ops/queues" }, cookies: PUBLIC },
    "ops.sign-out": { fields: {}, cookies: ["none"] },
    join: { fields: { token: "abc", name: "Jo Join", password: "a long enough password" }, cookies: PUBLIC },
    "start._index": {
      fields: { orgName: "Fuzz Care", slug: "fuzz-care", adminName: "Fay Fuzz", email: "fay@fuzz-care.test", password: "a long password" },
      cookies: PUBLIC,
    },
    "start.confirm": { fields: { token: "abc" }, cookies: PUBLIC },
    "start.resend": { fields: { redirectTo: "/pipeline" }, cookies: STAFF },
    "team-survey.$token.$page": { fields: { s1: "4", s2: "2" }, cookies: PUBLIC },
    "teams.$teamId": {
      fields: { name: "Nia New", email: "nia@example.com", experience: "new_to_care", joinedOn: "2024-02-01", userId: "" },
      intents: ["add", "invite"],
      cookies: STAFF,
    },
    "teams.$teamId_.import": {
      fields: { csv: Buffer.from("name,email,experience,joined\nNia,,new,2024-01-01\n").toString("base64") },
      intents: ["preview", "import"],
      cookies: STAFF,
    },
    "teams.$teamId_.members.$memberId": {
      fields: {
        name: "Mo Member",
        email: "",
        experience: "experienced",
        joinedOn: "2020-01-01",
        toTeamId: w.teamId,
        movedOn: "2024-02-01",
        leftOn: "2024-02-01",
        reason: "Moved away",
      },
      intents: ["edit", "move", "left"],
      cookies: STAFF,
    },
    "teams.setup": {
      fields: { name: "Downs", town: "Ashdown", regionId: w.regionId, id: w.teamId },
      intents: ["region-create", "region-rename", "region-archive", "team-create", "team-update", "team-archive"],
      cookies: STAFF,
    },
    "vacancies.$vacancyId": {
      fields: VACANCY_FIELDS(w.teamId),
      intents: ["save", "publish", "close", "reopen"],
      cookies: STAFF,
    },
    "vacancies.new": { fields: VACANCY_FIELDS(w.teamId), cookies: STAFF },
    "vote.$token": { fields: { choice: "yes", comment: "", conflictReason: "My cousin" }, intents: ["vote", "conflict"], cookies: PUBLIC },
    "workshops.$workshopId": {
      fields: { bookingId: w.workshopId, intoId: w.workshopId, userId: w.leadId, reason: "No" },
      intents: ["merge", "add-assessor", "decline", "move"],
      cookies: STAFF,
    },
    "workshops.$workshopId_.attendance": { fields: { [`attendance.${w.scoring.bookingId}`]: "attended" }, cookies: STAFF },
    "workshops.$workshopId_.score": {
      fields: {
        [`score.${w.scoring.bookingId}.${w.scoring.exerciseId}.c1`]: "3",
        [`note.${w.scoring.bookingId}.${w.scoring.exerciseId}.c1`]: "Listened well",
      },
      intents: ["save", "submit"],
      cookies: STAFF,
    },
    "workshops._index": {
      fields: { date: "2030-01-01", startTime: "09:00", endTime: "12:00", venueName: "Hall", venueAddress: "1 Road", capacity: "10" },
      arrays: ["teamIds", "exerciseIds"],
      cookies: STAFF,
    },
    "workshops.exercises.new": {
      fields: EXERCISE_FIELDS,
      arrays: ["criteria"],
      intents: ["save", "add", "remove:c1", "up:c1", "down:c1"],
      cookies: STAFF,
    },
    "workshops.exercises.$exerciseId": { fields: {}, intents: ["archive", "restore"], cookies: STAFF },
    "workshops.exercises.$exerciseId_.edit": {
      fields: EXERCISE_FIELDS,
      arrays: ["criteria"],
      intents: ["save", "add", "remove:c1", "up:c1", "down:c1"],
      cookies: STAFF,
    },
  };
}

const EXERCISE_FIELDS = {
  title: "Exercise",
  brief: "Do it",
  criteria: "c1",
  "c1.name": "Kind",
  "c1.value": "compassion",
  "c1.level1": "a",
  "c1.level2": "b",
  "c1.level3": "c",
  "c1.level4": "d",
};

// ---- The world the actions run in: one organisation with someone at every step ----

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const org = await insertOrg();
  // The live survey is made on first use (by any page that reads it): made here, so that write is
  // not counted against a refused post. Through the app's role: as the owner, row-level security
  // is off and another organisation's live survey would be found instead.
  await withOrg(getDb(), org.orgId, (trx) => findLiveSurvey(trx));
  const atShadow = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 3 });
  const atVote = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 1 });
  const host = await insertHost(org.orgId, org.teamId);
  const shift = await insertShift(org.orgId, {
    teamId: org.teamId,
    hostMemberId: host.memberId,
    applicationId: atShadow.applicationId,
    startsAt: new Date(Date.now() - 86_400_000),
  });
  const workshopId = await insertWorkshop(org.orgId, org.teamId);
  const [atWorkshop, attended] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
  // An attended booking on a workshop with one exercise, scored by the lead: the score form's fields are real.
  const scoring = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const booking = await trx
      .insertInto("workshopBookings")
      .values({ workshopId, applicationId: attended.applicationId, attendance: "attended" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rubric = [{ key: "c1", criterion: "Listens", value: "compassion", levels: { "1": "a", "2": "b", "3": "c", "4": "d" } }];
    const exercise = {
      id: await createExercise(
        { trx, after: new AfterCommit() },
        { userId: null, name: "Test" },
        {
          title: "Mrs Ahmed",
          brief: "Talk it through",
          criteria: rubric,
        },
      ),
    };
    await trx.insertInto("workshopExercises").values({ workshopId, exerciseId: exercise.id }).execute();
    await trx.insertInto("workshopAssessors").values({ workshopId, userId: org.leadId }).execute();
    return { bookingId: booking.id, exerciseId: exercise.id };
  });
  const offered = await insertOffer(org, { status: "offered" });
  const tokens = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const vote = await trx
      .insertInto("votes")
      .values({
        applicationId: atVote.applicationId,
        teamId: org.teamId,
        rule: "consent",
        quorum: "half",
        closesAt: new Date(Date.now() + 3 * 86_400_000),
        visibility: "secret",
        openedByName: "Lee Lead",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("voteVoters").values({ voteId: vote.id, teamMemberId: atVote.memberIds[0] }).execute();
    const touchpoint = await trx
      .insertInto("touchpoints")
      .values({ offerId: offered.offerId, kind: "checkin", seq: 7, dueAt: new Date(), sentAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const last = (url: string) => url.split("/").pop() as string;
    return {
      vote: last(await createVoteLink(trx, "http://localhost", vote.id, atVote.memberIds[0])),
      checkIn: last(await createTouchpointLink(trx, "http://localhost", touchpoint.id)),
      teamSurvey: last(await createMemberSurveyLink(trx, "http://localhost", atShadow.memberIds[0])),
    };
  });
  const cookies = {
    lead: await staffCookie(org.orgId, org.leadId),
    member: await staffCookie(org.orgId, host.userId),
    shadowCandidate: await candidateCookie(org.orgId, atShadow.candidateId),
    workshopCandidate: await candidateCookie(org.orgId, atWorkshop.candidateId),
    offerCandidate: await candidateCookie(org.orgId, (await candidateIdOf(org.orgId, offered.applicationId)) as string),
  };
  // The staff vacancy pages work on a draft of their own, so closing it leaves the careers page's vacancy open.
  const { regionId, staffVacancyId } = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const region = await trx.selectFrom("regions").select("id").executeTakeFirstOrThrow();
    const draft = await trx
      .insertInto("vacancies")
      .values({ teamId: org.teamId, title: "Draft", town: "Ashdown", hours: "Any", summary: "Draft", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { regionId: region.id, staffVacancyId: draft.id };
  });
  return {
    ...org,
    regionId,
    staffVacancyId,
    memberIds: atShadow.memberIds,
    hostMemberId: host.memberId,
    shiftId: shift.shiftId,
    workshopId,
    scoring,
    tokens,
    cookies,
    applications: { shadow: atShadow.applicationId, workshop: atWorkshop.applicationId, offer: offered.applicationId },
  };
}

async function candidateIdOf(orgId: string, applicationId: string) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const row = await trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirst();
    return row?.candidateId;
  });
}

/** The URL params and candidate cookie for a route, from its id ("me_.offer.$applicationId"). */
function routeSetting(w: World, id: string) {
  const candidateApp = id.startsWith("me_.offer")
    ? { app: w.applications.offer, cookie: w.cookies.offerCandidate }
    : id.startsWith("me_.workshop")
      ? { app: w.applications.workshop, cookie: w.cookies.workshopCandidate }
      : { app: w.applications.shadow, cookie: w.cookies.shadowCandidate };
  const values: Record<string, string> = {
    applicationId: id.startsWith("me_") ? candidateApp.app : w.applications.shadow,
    workshopId: w.workshopId,
    exerciseId: w.scoring.exerciseId,
    teamId: w.teamId,
    shiftId: w.shiftId,
    slug: w.slug,
    vacancyId: id.startsWith("vacancies.") ? w.staffVacancyId : w.vacancyId,
    memberId: w.memberIds[0],
    kind: "member",
    id: w.memberIds[0],
    page: "1",
    token: id.startsWith("vote.") ? w.tokens.vote : id.startsWith("check-in.") ? w.tokens.checkIn : w.tokens.teamSurvey,
  };
  const params: Record<string, string> = {};
  const segments = id.replace(/\[\.\]/g, "~").split(".");
  for (const segment of segments) {
    const name = segment.replace(/_$/, "");
    if (name.startsWith("$")) params[name.slice(1)] = values[name.slice(1)];
  }
  const urlPath = segments
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/^_/, ""))
    .map((s) => (s.startsWith("$") ? values[s.slice(1)] : s))
    .join("/")
    .replace(/~/g, ".");
  return { params, url: `http://localhost/${urlPath}`, candidateCookie: candidateApp.cookie };
}

// ---- Malformed bodies ----

const enc = new TextEncoder();
const concat = (...parts: (Uint8Array | string)[]): Uint8Array<ArrayBuffer> => {
  const bytes = parts.map((p) => (typeof p === "string" ? enc.encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
};

/** Raw bytes no browser sends in a text field: NUL, invalid UTF-8, an encoded lone surrogate, control characters. */
const BAD_BYTES: number[][] = [
  [0x00],
  [0xff],
  [0xc3],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0x01],
  [0x1b],
  [0x7f],
  [0xc2, 0x85],
  [0xef, 0xbf, 0xbe],
];
const pct = (bytes: number[]) => bytes.map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
const WEIRD_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "x".repeat(5000),
  "a\u0000b",
  "score.x.y.z",
  "attendance.nope",
  "values.",
  "items..text",
  "_intent",
  "",
];
const WRONG_INTENTS = [
  "",
  "DROP TABLE",
  "cancel:",
  "cancel:not-a-uuid",
  "waitlist:zz",
  "add:",
  "add:nope",
  "remove:",
  "remove:zzz",
  "offer-",
  "shadow-",
  "offer-unknown",
  "shadow-move",
  "\u0000",
  "%",
  "add:\u0000",
  "remove:\u0000",
  "cancel:\u0000",
  "waitlist:\u0000",
];

const WRONG_VALUES = [
  "",
  " ",
  "abc",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999",
  "2026-02-31",
  "24:61",
  "yes",
  "true",
  "../../etc",
  "' or 1=1 --",
  "00000000-0000-0000-0000-000000000000",
  "{}",
  "[]",
];

type Piece = { name: string; value: string | number[] };
type Case = { kind: string; contentType: string | null; body: Uint8Array<ArrayBuffer> | string; formLike: boolean };

function baseFields(rng: Rng, t: Target): Piece[] {
  const pieces: Piece[] = Object.entries(t.fields).map(([name, value]) => ({ name, value }));
  if (t.intents && rng.next() < 0.8) pieces.push({ name: "intent", value: rng.pick(t.intents) });
  for (const name of t.arrays ?? []) if (rng.next() < 0.5) pieces.push({ name, value: "x" });
  return pieces;
}

/** Changes a plausible form in one or two ways a broken client or an attacker might. */
function mutate(rng: Rng, pieces: Piece[]): { kind: string; pieces: Piece[] } {
  const out = pieces.map((p) => ({ ...p }));
  const kinds: string[] = [];
  const steps = 1 + rng.int(2);
  for (let s = 0; s < steps; s++) {
    const kind = rng.pick(["bad-bytes", "bad-bytes", "wrong-value", "huge", "repeat", "drop", "intent", "random-name", "empty"] as const);
    kinds.push(kind);
    const target = out.length ? out[rng.int(out.length)] : undefined;
    if (kind === "bad-bytes" && target) {
      const text = typeof target.value === "string" ? target.value : "";
      const at = rng.int(text.length + 1);
      target.value = [...enc.encode(text.slice(0, at)), ...rng.pick(BAD_BYTES), ...enc.encode(text.slice(at))];
      if (rng.next() < 0.2) target.name = `${target.name}\u0000`;
    } else if (kind === "wrong-value" && target) {
      target.value = rng.pick(WRONG_VALUES);
    } else if (kind === "huge" && target) {
      target.value = rng.pick(["a", "é", "😀", "<"]).repeat(rng.pick([1001, 5000, 70_000]));
    } else if (kind === "repeat" && target) {
      for (let i = 0, n = 2 + rng.int(30); i < n; i++) out.push({ name: target.name, value: `${i}` });
    } else if (kind === "drop" && out.length) {
      out.splice(rng.int(out.length), 1 + rng.int(out.length));
    } else if (kind === "intent") {
      out.push({ name: "intent", value: rng.pick(WRONG_INTENTS) });
    } else if (kind === "random-name") {
      out.push({ name: rng.pick(WEIRD_NAMES), value: rng.pick(["1", "", "yes", "\u0000"]) });
    } else if (kind === "empty") {
      out.length = 0;
    }
  }
  return { kind: kinds.join("+"), pieces: out };
}

const valueBytes = (v: string | number[]) => (typeof v === "string" ? enc.encode(v) : Uint8Array.from(v));

function urlencoded(pieces: Piece[]) {
  return pieces
    .map((p) => `${encodeURIComponent(p.name)}=${typeof p.value === "string" ? encodeURIComponent(p.value) : pct(p.value)}`)
    .join("&");
}

function multipart(pieces: Piece[], boundary: string) {
  const parts: (Uint8Array | string)[] = [];
  for (const p of pieces) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name.replace(/"/g, "%22")}"\r\n\r\n`,
      valueBytes(p.value),
      "\r\n",
    );
  }
  parts.push(`--${boundary}--\r\n`);
  return concat(...parts);
}

/**
 * Besides the random cases: every field of every form once with a NUL and once with an invalid
 * UTF-8 byte in its value, sent by the person the form is for, so each text field is reached.
 */
function systematicCases(t: Target): (Case & { who: Who })[] {
  const who = t.cookies.includes("lead") && t.cookies[1] !== "candidate" ? "lead" : (t.cookies.find((c) => c !== "none") ?? "none");
  const cases: (Case & { who: Who })[] = [];
  for (const [n, field] of Object.keys(t.fields).entries()) {
    for (const [b, bad] of [[0x00], [0xff]].entries()) {
      const pieces: Piece[] = Object.entries(t.fields).map(([name, value]) => ({
        name,
        value: name === field ? [...enc.encode(value.slice(0, 2)), ...bad, ...enc.encode(value.slice(2))] : value,
      }));
      if (t.intents) pieces.push({ name: "intent", value: t.intents[n % t.intents.length] });
      const kind = `${bad[0] === 0 ? "NUL" : "invalid UTF-8"} in ${field}`;
      cases.push(
        b === 0
          ? {
              kind: `urlencoded (${kind})`,
              contentType: "application/x-www-form-urlencoded",
              body: urlencoded(pieces),
              formLike: true,
              who,
            }
          : {
              kind: `multipart (${kind})`,
              contentType: "multipart/form-data; boundary=b0undary",
              body: multipart(pieces, "b0undary"),
              formLike: true,
              who,
            },
      );
    }
  }
  return cases;
}

function generateCase(rng: Rng, t: Target): Case {
  const { kind, pieces } = mutate(rng, baseFields(rng, t));
  const asObject = Object.fromEntries(pieces.map((p) => [p.name, typeof p.value === "string" ? p.value : "bytes"]));
  const shape = rng.int(13);
  switch (shape) {
    case 0:
      return { kind: "json", contentType: "application/json", body: JSON.stringify(asObject), formLike: false };
    case 1:
      return {
        kind: "text/plain",
        contentType: "text/plain;charset=UTF-8",
        body: urlencoded(pieces).replace(/&/g, "\r\n"),
        formLike: false,
      };
    case 2:
      return { kind: "no content type", contentType: null, body: urlencoded(pieces), formLike: false };
    case 3:
      return { kind: "multipart without boundary", contentType: "multipart/form-data", body: multipart(pieces, "xyz"), formLike: false };
    case 4: {
      const body = multipart(pieces, "real-boundary");
      return {
        kind: "multipart, wrong boundary",
        contentType: "multipart/form-data; boundary=other-boundary",
        body: body.slice(0, rng.int(body.length + 1)),
        formLike: false,
      };
    }
    case 5: {
      const body = multipart(pieces, "cut-boundary");
      return {
        kind: "multipart, cut short",
        contentType: "multipart/form-data; boundary=cut-boundary",
        body: body.slice(0, Math.max(0, body.length - 3 - rng.int(40))),
        formLike: false,
      };
    }
    case 6:
      return { kind: "xml", contentType: "application/xml", body: "<form><a>1</a></form>", formLike: false };
    case 7:
      return {
        kind: `urlencoded, bad percent (${kind})`,
        contentType: "application/x-www-form-urlencoded",
        body: `${urlencoded(pieces)}&%zz=%&a=%E2%82`,
        formLike: true,
      };
    case 8:
    case 9:
      return {
        kind: `multipart (${kind})`,
        contentType: "multipart/form-data; boundary=----fuzz42",
        body: multipart(pieces, "----fuzz42"),
        formLike: true,
      };
    default:
      return {
        kind: `urlencoded (${kind})`,
        contentType: rng.next() < 0.1 ? "application/x-www-form-urlencoded; charset=utf-16" : "application/x-www-form-urlencoded",
        body: urlencoded(pieces),
        formLike: true,
      };
  }
}

// ---- "Nothing written": every row of every table the organisation's data lives in ----

// One prepared statement on its own connection: PostgreSQL plans the 50-table union once, not
// once per request (planning it was most of this test's time).
let fingerprintClient: pg.Client | undefined;
let fingerprintSql: string | undefined;
afterAll(() => fingerprintClient?.end());

/** One (count, md5 of the rows) per table: the organisation's rows of a tenant table, every row of the others. */
async function fingerprintQuery(client: pg.Client) {
  const { rows } = await client.query<{ table: string; tenant: boolean }>(
    `select c.table_name as "table", bool_or(c.column_name = 'org_id') as tenant
     from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
     group by c.table_name order by c.table_name`,
  );
  return rows
    .map(({ table, tenant }) =>
      tenant
        ? `select '${table}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table}" x where x.org_id = $1`
        : `select '${table}' as t, count(*)::int as n, '' as h from "${table}" x where $1::uuid is not null`,
    )
    .join(" union all ");
}

async function fingerprint(orgId: string): Promise<Map<string, string>> {
  if (!fingerprintClient) {
    fingerprintClient = new pg.Client({ connectionString: getServerEnv().DATABASE_URL });
    await fingerprintClient.connect();
    fingerprintSql = await fingerprintQuery(fingerprintClient);
  }
  const result = await fingerprintClient.query<{ t: string; n: number; h: string }>({
    name: "fuzz-fingerprint",
    text: fingerprintSql as string,
    values: [orgId],
  });
  return new Map(result.rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>) {
  return [...after].filter(([t, v]) => before.get(t) !== v).map(([t]) => t);
}

// ---- The run ----

describe("malformed form posts", () => {
  it("never get a 500 and never write anything when refused, on any form action", { timeout: 600_000 }, async () => {
    const w = await buildWorld();
    const config = targets(w);
    const rng = prng(SEED);

    const withAction: string[] = [];
    for (const { id, file } of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as { action?: (args: ActionFunctionArgs) => Promise<unknown> };
      if (typeof mod.action === "function") withAction.push(id);
    }
    // A new form action must be added to the fuzz targets above.
    expect(withAction.sort()).toEqual(Object.keys(config).sort());

    const statuses = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    let state = await fingerprint(w.orgId);

    for (const id of withAction) {
      const t = config[id];
      const file = routeFiles().find((r) => r.id === id)?.file as string;
      const { action } = (await import(/* @vite-ignore */ file)) as { action: (args: ActionFunctionArgs) => Promise<unknown> };
      const setting = routeSetting(w, id);
      const systematic = systematicCases(t);
      for (let i = 0; i < systematic.length + PER_ROUTE; i++) {
        const c = systematic[i] ?? generateCase(rng, t);
        const who = systematic[i]?.who ?? rng.pick(t.cookies);
        const cookie = { none: null, lead: w.cookies.lead, member: w.cookies.member, candidate: setting.candidateCookie }[who];
        const headers = new Headers();
        if (c.contentType) headers.set("Content-Type", c.contentType);
        if (cookie) headers.set("Cookie", cookie);
        const request = new Request(setting.url, { method: "POST", headers, body: c.body });
        const label = `${id} #${i} [${c.kind}] as ${who}`;
        sent++;
        let status: number;
        let location = "";
        let threw = false;
        try {
          const result = await action({ request, params: setting.params, context: { clientIp: "192.0.2.7" } });
          status = result instanceof Response ? result.status : 200;
          location = result instanceof Response ? (result.headers.get("Location") ?? "") : "";
        } catch (thrown) {
          if (thrown instanceof Response) {
            status = thrown.status;
            location = thrown.headers.get("Location") ?? "";
          } else {
            // Remix answers 500 for anything else an action throws.
            status = 500;
            threw = true;
            failures.push(`${label}: threw ${(thrown instanceof Error ? thrown.message : String(thrown)).slice(0, 200)}`);
          }
        }
        statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
        if (status >= 500 && !threw) failures.push(`${label}: answered ${status}`);
        // Sent off to sign in (staff at /sign-in, candidates at /me) is a refusal too.
        const accepted = status < 400 && !location.startsWith("/sign-in") && !location.startsWith("/me?next=");
        if (!c.formLike && accepted && id !== "sign-out" && id !== "ops.sign-out")
          failures.push(`${label}: a body that is not a form was accepted (${status})`);
        const after = await fingerprint(w.orgId);
        if (!accepted) {
          const changed = changedTables(state, after);
          if (changed.length) failures.push(`${label}: refused with ${status} but changed ${changed.join(", ")}`);
        }
        state = after;
      }
    }

    console.log(
      `fuzz-forms: ${sent} malformed posts to ${withAction.length} actions (seed ${SEED.toString(16)}); statuses:`,
      Object.fromEntries([...statuses].sort()),
    );
    expect(failures.slice(0, 40), `${failures.length} failures`).toEqual([]);
  });
});
