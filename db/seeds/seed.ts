import { fileURLToPath } from "node:url";
import { getServerEnv } from "../../app/env.server.js";
import { PIPELINE_STAGES, type Stage } from "../../app/domain/applications/stages.js";
import { scoreAnswers } from "../../app/domain/survey/scoring.js";
import { DEFAULT_EXERCISES } from "../../app/domain/workshops/default-exercises.js";
import { syncTouchpoints } from "../../app/domain/offers/keep-in-touch.server.js";
import { AfterCommit } from "../../app/domain/after-commit.js";
import { londonToUtc } from "../../app/domain/workshops/london-time.js";
import { findLiveSurvey, type SurveyVersion } from "../../app/domain/survey/survey-versions.server.js";
import type { Answers } from "../../app/domain/survey/survey.schema.js";
import { hashPassword } from "../../app/utils/password.server.js";
import { insertOperator } from "../queries/operators.js";
import { alertKinds, londonDate } from "../../app/domain/teams/mix.js";
import { MONITORING_QUESTIONS, type MonitoringQuestion } from "../../app/domain/diversity/monitoring.js";
import { createDb, type DB, type Tx } from "../client.js";
import type { Experience, StaffRole } from "../schema.js";
import { withOrg } from "../tenant.js";

export const DEMO_PASSWORD = "demo-password-1";
export const DEMO_OPERATOR = "operator@circlehire.test";

type TeamSeed = {
  name: string;
  town: string;
  region: string;
  members: [string, Experience][];
  memberLogin?: string;
  /** More members with a staff sign-in (role member), by name. */
  logins?: Record<string, string>;
};
/** A shadow shift: `daysAhead` from today (negative: in the past), 09:00-13:00 UK time. */
/** An offer made after a passed vote: `startIn` days from today; accepted ones may have a check stalled for `stalledDays`. */
type OfferSeed = { candidate: string; buddy: string; startIn: number; accepted?: boolean; stalledDays?: number };
type ShiftSeed = { host: string; candidate?: string; daysAhead: number; meetingPoint: string; visitDetails: string };
type OrgSeed = {
  slug: string;
  name: string;
  regions: string[];
  staff: [email: string, name: string, role: StaffRole][];
  teams: TeamSeed[];
  vacancies: { team: string; title: string; hours: string; summary: string; status?: "closed" }[];
  candidates: [name: string, stage: Stage, experience: Experience, vacancyIndex: number, daysAgo?: number][];
  shifts?: ShiftSeed[];
  offers?: OfferSeed[];
};

const e = "experienced" as const;
const n = "new_to_care" as const;

const OAKFIELD: OrgSeed = {
  slug: "oakfield",
  name: "Oakfield Home Care",
  regions: ["North", "South"],
  staff: [
    ["lead@oakfield.test", "Lena Hart", "lead"],
    ["coach@oakfield.test", "Chris Obi", "coach"],
    ["admin@oakfield.test", "Alex Reid", "admin"],
  ],
  teams: [
    {
      name: "Ashdown",
      town: "Ashdown",
      region: "North",
      memberLogin: "sam@oakfield.test",
      logins: { "Grace Lee": "grace@oakfield.test", "Tom Brennan": "tom@oakfield.test" },
      members: [
        ["Sam Patel", e],
        ["Grace Lee", n],
        ["Tom Brennan", e],
        ["Aisha Khan", n],
        ["Ben Carter", e],
        ["Ruth Mills", n],
        ["Owen Price", e],
        ["Nadia Ali", n],
      ],
    },
    {
      name: "Brookfield",
      town: "Brookfield",
      region: "North",
      memberLogin: "priya@oakfield.test",
      members: [
        ["Priya Shah", e],
        ["Liam Ward", n],
        ["Ella Moss", n],
        ["Jack Dunn", n],
        ["Mia Ford", e],
        ["Kofi Mensah", n],
        ["Zoe Clark", n],
        ["Dan Fox", e],
        ["Ivy Hale", n],
        ["Raj Gill", n],
        ["Amy Cole", n],
      ],
    },
    {
      name: "Castle Vale",
      town: "Castleton",
      region: "South",
      memberLogin: "jo@oakfield.test",
      members: [
        ["Jo Evans", e],
        ["Maya Rose", e],
        ["Sean Quinn", n],
        ["Lucy Hall", e],
        ["Femi Ade", e],
        ["Kate Lowe", n],
      ],
    },
    {
      name: "Dunmore",
      town: "Dunmore",
      region: "South",
      memberLogin: "kim@oakfield.test",
      members: [
        ["Kim Young", e],
        ["Harry Bell", n],
        ["Sara Lin", e],
        ["Paul Kerr", n],
        ["Rosa Diaz", e],
        ["Will Shaw", n],
        ["Hana Sato", e],
        ["Eli Stone", n],
        ["Joy Okafor", e],
        ["Max Webb", n],
        ["Ava Noor", e],
        ["Leo Grant", n],
      ],
    },
    {
      name: "Elm Court",
      town: "Elmbridge",
      region: "South",
      memberLogin: "noor@oakfield.test",
      members: [
        ["Noor Hassan", e],
        ["Ian Cross", n],
        ["Della Marsh", n],
      ],
    },
  ],
  vacancies: [
    {
      team: "Ashdown",
      title: "Care and support worker",
      hours: "Part time, 20-30 hours a week",
      summary:
        "Join a team of eight who plan their own rotas and support twelve people in their own homes around Ashdown. Kindness and reliability matter more to us than experience.",
    },
    {
      team: "Brookfield",
      title: "Experienced care worker",
      hours: "Full time, 37.5 hours a week",
      summary:
        "Brookfield is a young team, most of them new to care. Bring your experience, share it, and help the team grow in confidence.",
    },
    {
      team: "Castle Vale",
      title: "Care and support worker (new to care welcome)",
      hours: "Flexible, 16-37.5 hours a week",
      summary:
        "Never worked in care? Good. We will train you, pair you with a buddy, and you will decide with your team how the work is shared.",
    },
    {
      team: "Dunmore",
      title: "Weekend support worker",
      hours: "Weekends, 15 hours a week",
      summary: "Help people in Dunmore live the lives they choose, at weekends, with a friendly team that makes its own decisions.",
      status: "closed",
    },
    {
      team: "Elm Court",
      title: "Support worker in Elmbridge",
      hours: "Part time, 24 hours a week",
      summary: "Elm Court is a small, new team of three in Elmbridge. Help it grow, and help people live well at home.",
    },
  ],
  candidates: [
    ["Hannah Wells", "applied", n, 0],
    ["Marcus Reed", "applied", e, 1],
    ["Olivia Brooks", "applied", n, 2],
    ["Yusuf Hassan", "applied", n, 0],
    ["Chloe Turner", "survey", n, 0],
    ["Daniel Okoro", "survey", e, 1],
    ["Freya Lund", "survey", n, 2],
    ["George Hill", "workshop", e, 1],
    ["Isla Murray", "workshop", n, 0],
    ["Kwame Asante", "workshop", n, 2],
    ["Laura Pike", "shadow", e, 1],
    ["Mohammed Iqbal", "shadow", n, 0],
    ["Niamh Byrne", "vote", e, 1],
    ["Oscar Bell", "vote", n, 2],
    ["Poppy Grant", "offer", n, 0],
    ["Rhys Jones", "started", e, 1],
    ["Sophie Lane", "declined", n, 0],
    ["Tariq Aziz", "withdrawn", e, 2],
    // Shadow shifts: Olivia for the team vote (shift with Noor ended yesterday, no feedback yet);
    // Ruby picks an open slot, Ethan accepts a proposed time, Felix's shift with Sam has happened.
    ["Olivia Grant", "shadow", n, 4, 14],
    ["Ruby Adams", "shadow", n, 0, 13],
    ["Ethan Doyle", "shadow", e, 0, 12],
    ["Felix Moore", "shadow", e, 0, 11],
    // Offers: Nina has an offer waiting for her answer (Ashdown, buddy Sam); Jade accepted one and
    // her DBS check has not moved for 12 days.
    ["Nina Lane", "offer", n, 0, 10],
    ["Jade Lowe", "offer", e, 0, 9],
  ],
  offers: [
    { candidate: "Nina Lane", buddy: "Sam Patel", startIn: 21 },
    { candidate: "Jade Lowe", buddy: "Grace Lee", startIn: 14, accepted: true, stalledDays: 12 },
  ],
  shifts: [
    {
      host: "Noor Hassan",
      candidate: "Olivia Grant",
      daysAhead: -1,
      meetingPoint: "Elm Court office, 2 Church Street, Elmbridge",
      visitDetails: "Morning visit to Mr D at home, 14 Orchard Close, Elmbridge.",
    },
    {
      host: "Sam Patel",
      candidate: "Felix Moore",
      daysAhead: -2,
      meetingPoint: "Ashdown office, 3 Mill Lane",
      visitDetails: "Visits to Mrs B, 8 Hill Road, and Mr K, 21 Park Street.",
    },
    {
      host: "Grace Lee",
      daysAhead: 6,
      meetingPoint: "Ashdown library, by the front entrance",
      visitDetails: "Morning visit to Mrs J at home, 5 Ash Grove, Ashdown.",
    },
    {
      host: "Tom Brennan",
      daysAhead: 9,
      meetingPoint: "Ashdown office, 3 Mill Lane",
      visitDetails: "Lunch and a walk with Mr P, 30 River Way, Ashdown.",
    },
  ],
};

const RIVERSIDE: OrgSeed = {
  slug: "riverside",
  name: "Riverside Care",
  regions: ["Central"],
  staff: [["lead@riverside.test", "Rowan Fields", "lead"]],
  teams: [
    {
      name: "Millbank",
      town: "Riverside",
      region: "Central",
      memberLogin: "ali@riverside.test",
      members: [
        ["Ali Demir", e],
        ["Bea Stone", n],
        ["Cal Moore", e],
        ["Dee Ross", n],
        ["Eve Park", n],
      ],
    },
  ],
  vacancies: [
    {
      team: "Millbank",
      title: "Home care worker",
      hours: "Part time, 24 hours a week",
      summary: "Support people to stay independent at home in Riverside, as part of a small self-managing team.",
    },
  ],
  candidates: [
    ["Riley Morgan", "applied", n, 0],
    ["Sasha Kent", "workshop", e, 0],
  ],
};

const emailFor = (name: string, slug: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.${slug}.test`;

async function seedOrganisation(db: DB, seed: OrgSeed, passwordHash: string) {
  const org = await db.insertInto("organisations").values({ slug: seed.slug, name: seed.name, confirmedAt: new Date() }).returning("id").executeTakeFirstOrThrow();
  await withOrg(db, org.id, async (trx) => {
    const regions = new Map<string, string>();
    for (const name of seed.regions) {
      regions.set(name, (await trx.insertInto("regions").values({ name }).returning("id").executeTakeFirstOrThrow()).id);
    }
    const users = new Map<string, string>();
    for (const [email, name, role] of seed.staff) {
      users.set(
        email,
        (await trx.insertInto("users").values({ email, name, role, passwordHash }).returning("id").executeTakeFirstOrThrow()).id,
      );
    }
    const survey = await findLiveSurvey(trx);
    const random = seededRandom(seed.slug.length * 7919);
    // Its own generator, so the answers above stay what they were.
    const monitoringRandom = seededRandom(seed.slug.length * 104_729);
    const teams = new Map<string, string>();
    for (const team of seed.teams) {
      const { id } = await trx
        .insertInto("teams")
        .values({ name: team.name, town: team.town, regionId: regions.get(team.region) as string })
        .returning("id")
        .executeTakeFirstOrThrow();
      teams.set(team.name, id);
      for (const [index, [name, experience]] of team.members.entries()) {
        let userId: string | null = null;
        const login = index === 0 && team.memberLogin ? team.memberLogin : team.logins?.[name];
        if (login) {
          userId = (
            await trx
              .insertInto("users")
              .values({ email: login, name, role: "member", passwordHash })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id;
        }
        const joined = new Date(Date.UTC(2023, index % 12, 1 + index)).toISOString().slice(0, 10);
        const member = await trx
          .insertInto("teamMembers")
          .values({ teamId: id, userId, name, experience, joinedOn: joined, email: emailFor(name, seed.slug) })
          .returning("id")
          .executeTakeFirstOrThrow();
        // Most members have taken the survey, so teams have a profile to compare candidates with.
        if (index % 4 !== 3) await seedResponse(trx, survey, { teamMemberId: member.id }, answerLike(survey, 0.8, random), null);
      }
      await seedMixHistory(trx, id, team, seed.teams.indexOf(team));
    }
    const vacancyIds: string[] = [];
    for (const v of seed.vacancies) {
      const team = seed.teams.find((t) => t.name === v.team) as TeamSeed;
      const { id } = await trx
        .insertInto("vacancies")
        .values({
          teamId: teams.get(v.team) as string,
          title: v.title,
          town: team.town,
          hours: v.hours,
          summary: v.summary,
          status: v.status ?? "open",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      vacancyIds.push(id);
    }
    // The scenario library and upcoming workshops (10, 17 and 24 days ahead, 9:30 to 13:00 UK time).
    const exerciseIds: string[] = [];
    for (const exercise of DEFAULT_EXERCISES) {
      const row = await trx
        .insertInto("scenarioExercises")
        .values({ title: exercise.title, brief: exercise.brief, rubric: JSON.stringify(exercise.rubric) })
        .returning("id")
        .executeTakeFirstOrThrow();
      exerciseIds.push(row.id);
    }
    const workshopIds: string[] = [];
    for (const days of [10, 17, 24]) {
      const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      const workshop = await trx
        .insertInto("workshops")
        .values({
          startsAt: londonToUtc(date, "09:30"),
          endsAt: londonToUtc(date, "13:00"),
          venueName: `${seed.teams[0].town} Community Centre`,
          venueAddress: `12 Station Road, ${seed.teams[0].town}`,
          directions: "Buses 4 and 12 stop outside. Free parking behind the building.",
          accessibility: "Step-free entrance and accessible toilet. A quiet room is available all morning.",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      workshopIds.push(workshop.id);
      await trx
        .insertInto("workshopTeams")
        .values([...teams.values()].map((teamId) => ({ workshopId: workshop.id, teamId })))
        .execute();
      await trx
        .insertInto("workshopExercises")
        .values(exerciseIds.map((exerciseId, position) => ({ workshopId: workshop.id, exerciseId, position })))
        .execute();
    }
    const lead = seed.staff[0];
    const applicationIds = new Map<string, string>();
    for (const [index, [name, stage, experience, vacancyIndex, daysAgo]] of seed.candidates.entries()) {
      const applicationId = await seedApplication(trx, {
        name,
        stage,
        experience,
        vacancyId: vacancyIds[vacancyIndex],
        slug: seed.slug,
        daysAgo: daysAgo ?? 40 - index * 2,
        lead: { id: users.get(lead[0]) as string, name: lead[1] },
      });
      applicationIds.set(name, applicationId);
      await seedMonitoring(trx, applicationId, monitoringRandom);
      // Past the survey: finished it. At the survey: one finished below the bar (the review queue), others part-way.
      if (stage === "workshop" && index % 3 !== 0) {
        await trx.insertInto("workshopBookings").values({ workshopId: workshopIds[0], applicationId, adjustments: "" }).execute();
      }
      if (stage !== "applied" && stage !== "survey") {
        await seedResponse(trx, survey, { applicationId }, answerLike(survey, 0.9, random), "invited");
      } else if (stage === "survey") {
        const inReview = index % 3 === 0;
        await seedResponse(
          trx,
          survey,
          { applicationId },
          answerLike(survey, inReview ? 0.35 : 0.7, random, inReview ? 1 : 0.4),
          inReview ? "review" : null,
        );
      }
    }
    for (const shift of seed.shifts ?? []) {
      const host = await trx
        .selectFrom("teamMembers")
        .select(["id", "teamId"])
        .where("name", "=", shift.host)
        .executeTakeFirstOrThrow();
      const date = new Date(Date.now() + shift.daysAhead * 86_400_000).toISOString().slice(0, 10);
      const applicationId = shift.candidate ? applicationIds.get(shift.candidate) : undefined;
      await trx
        .insertInto("shadowShifts")
        .values({
          teamId: host.teamId,
          hostMemberId: host.id,
          applicationId: applicationId ?? null,
          origin: applicationId ? "proposed" : "offered",
          status: applicationId ? "confirmed" : "open",
          startsAt: londonToUtc(date, "09:00"),
          endsAt: londonToUtc(date, "13:00"),
          meetingPoint: shift.meetingPoint,
          visitDetails: shift.visitDetails,
          bringAndWear: "Comfortable shoes and clothes you can move in. No need to bring anything else.",
          confirmedAt: applicationId ? new Date(Date.now() - 5 * 86_400_000) : null,
        })
        .execute();
    }
    for (const o of seed.offers ?? []) {
      const applicationId = applicationIds.get(o.candidate) as string;
      const buddy = await trx.selectFrom("teamMembers").select(["id", "teamId"]).where("name", "=", o.buddy).executeTakeFirstOrThrow();
      const acceptedAt = o.accepted ? new Date(Date.now() - 20 * 86_400_000) : null;
      const offer = await trx
        .insertInto("offers")
        .values({
          applicationId,
          teamId: buddy.teamId,
          buddyMemberId: buddy.id,
          roleTitle: "Care and support worker",
          hours: "24 hours a week, mostly mornings",
          pay: "£12.60 an hour",
          startDate: new Date(Date.now() + o.startIn * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" }),
          status: o.accepted ? "accepted" : "offered",
          acceptedAt,
          createdByName: lead[1],
          createdAt: new Date(Date.now() - 22 * 86_400_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // The offer's email is waiting in the outbox: the worker sends it (with a sign-in link) when it starts.
      if (!o.accepted) {
        await trx
          .insertInto("outbox")
          .values({ kind: "offer-candidate", payload: JSON.stringify({ offerId: offer.id, variant: "made" }) })
          .execute();
      }
      for (const kind of ["references", "dbs", "right_to_work"] as const) {
        const stalled = kind === "dbs" && o.stalledDays;
        await trx
          .insertInto("prestartChecks")
          .values({
            offerId: offer.id,
            kind,
            status: o.accepted && kind === "references" ? "done" : "pending",
            statusChangedAt: new Date(Date.now() - (stalled ? (o.stalledDays as number) : 1) * 86_400_000),
          })
          .execute();
      }
      // Keeping in touch since they accepted: the weeks already due go out when the worker starts
      // (its sweep sends what is due), so the planned jobs are not added here.
      if (o.accepted) await syncTouchpoints({ trx, after: new AfterCommit() }, offer.id);
    }
  });
  return org.id;
}

async function seedApplication(
  trx: Tx,
  a: {
    name: string;
    stage: Stage;
    experience: Experience;
    vacancyId: string;
    slug: string;
    daysAgo: number;
    lead: { id: string; name: string };
  },
) {
  const day = (offset: number) => new Date(Date.now() - (a.daysAgo - offset) * 86_400_000);
  const candidate = await trx
    .insertInto("candidates")
    .values({ email: emailFor(a.name, a.slug), fullName: a.name, phone: `07700 900${String(100 + a.daysAgo).padStart(3, "0")}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path: Stage[] =
    a.stage === "declined" || a.stage === "withdrawn"
      ? ["applied", "survey", "workshop", a.stage]
      : PIPELINE_STAGES.slice(0, PIPELINE_STAGES.indexOf(a.stage as never) + 1);
  const application = await trx
    .insertInto("applications")
    .values({
      candidateId: candidate.id,
      vacancyId: a.vacancyId,
      stage: a.stage,
      experience: a.experience,
      source: ["job_board", "social_media", "community_outreach", "referral", "college", "job_centre"][a.daysAgo % 6],
      location: "AB1 2CD",
      availability: ["weekday_mornings", "weekends"],
      rightToWork: true,
      adjustments: a.daysAgo % 4 === 0 ? ["quiet_space", "questions_in_advance"] : [],
      adjustmentsNote: a.daysAgo % 4 === 0 ? "I find loud rooms hard. A seat near the door helps." : "",
      createdAt: day(0),
      stageChangedAt: day(path.length - 1),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const applicationId = application.id;
  for (const [step, stage] of path.entries()) {
    const closing = stage === "declined" ? "Scores at the workshop were below the bar" : stage === "withdrawn" ? "Took another job" : null;
    await trx
      .insertInto("applicationEvents")
      .values({
        applicationId: application.id,
        fromStage: step === 0 ? null : path[step - 1],
        toStage: stage,
        actorUserId: step === 0 || stage === "withdrawn" ? null : a.lead.id,
        actorName: step === 0 || stage === "withdrawn" ? a.name : a.lead.name,
        reason: step === 0 ? "Applied online" : closing,
        createdAt: day(step),
      })
      .execute();
  }
  return applicationId;
}

/** About 60% of candidates answer the optional equal opportunities questions (see app/domain/diversity). */
async function seedMonitoring(trx: Tx, applicationId: string, random: () => number) {
  if (random() >= 0.6) return;
  const pick = (question: MonitoringQuestion) => {
    const keys = Object.keys(MONITORING_QUESTIONS[question].options);
    // "Prefer not to say" (the last option) one time in ten; otherwise any other answer.
    return random() < 0.1 ? keys[keys.length - 1] : keys[Math.floor(random() * (keys.length - 1))];
  };
  await trx
    .insertInto("diversityAnswers")
    .values({
      applicationId,
      ageBand: pick("ageBand"),
      gender: pick("gender"),
      disability: pick("disability"),
      ethnicity: pick("ethnicity"),
      caring: pick("caring"),
    })
    .execute();
}

/** A small deterministic random generator, so the demo data is the same every time. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Answers leaning towards the values (`lean` 0-1), for `share` of the items. */
function answerLike(survey: SurveyVersion, lean: number, random: () => number, share = 1): Answers {
  const answers: Answers = {};
  for (const item of survey.definition.items) {
    if (random() > share) continue;
    if (item.kind === "statement") {
      const agree = Math.min(5, Math.max(1, Math.round(1 + lean * 4 + (random() - 0.5) * 2)));
      answers[item.id] = String(item.reverse ? 6 - agree : agree);
    } else {
      const total = (o: { points: Record<string, number> }) => Object.values(o.points).reduce((a, b) => a + b, 0);
      const ranked = [...item.options].sort((a, b) => total(b) - total(a));
      answers[item.id] = ranked[random() < lean ? 0 : Math.floor(random() * ranked.length)].id;
    }
  }
  return answers;
}

async function seedResponse(
  trx: Tx,
  survey: SurveyVersion,
  who: { applicationId: string } | { teamMemberId: string },
  answers: Answers,
  outcome: "invited" | "review" | null,
) {
  const complete = Object.keys(answers).length === survey.definition.items.length;
  const profile = complete ? scoreAnswers(survey.definition, answers) : null;
  const response = await trx
    .insertInto("surveyResponses")
    .values({
      versionId: survey.id,
      ...who,
      completedAt: complete ? new Date() : null,
      profile: profile ? JSON.stringify(profile) : null,
      fit: profile?.fit ?? null,
      outcome: complete && "applicationId" in who ? outcome : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = Object.entries(answers).map(([itemId, answer]) => ({ responseId: response.id, itemId, answer }));
  if (rows.length) await trx.insertInto("surveyAnswers").values(rows).execute();
}

/**
 * A year of the team's mix (the trigger wrote today's snapshot as members were added): one snapshot
 * on the 15th of each of the previous 11 months, the team a little smaller further back and its
 * share wobbling around today's; plus the alerts the nightly check would raise today.
 */
async function seedMixHistory(trx: Tx, teamId: string, team: TeamSeed, teamIndex: number) {
  const size = team.members.length;
  const experienced = team.members.filter(([, x]) => x === "experienced").length;
  const [year, month] = londonDate(new Date()).split("-").map(Number);
  const rows = [];
  for (let back = 11; back >= 1; back--) {
    const index = year * 12 + (month - 1) - back;
    const takenOn = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-15`;
    const then = Math.max(2, size - Math.floor(back / 4));
    const wobble = (back + teamIndex) % 3 === 0 ? -1 : (back + teamIndex) % 5 === 0 ? 1 : 0;
    const exp = Math.min(then, Math.max(0, Math.round((then * experienced) / size) + wobble));
    rows.push({ teamId, takenOn, size: then, experienced: exp });
  }
  await trx.insertInto("teamMixSnapshots").values(rows).execute();
  const kinds = alertKinds(experienced, size);
  if (kinds.length) await trx.insertInto("teamAlerts").values(kinds.map((kind) => ({ teamId, kind }))).execute();
}

/** Creates the demo organisations; leaves them alone when they exist (pass reset to recreate). */
export async function seed(db: DB, { reset = false } = {}) {
  if (getServerEnv().NODE_ENV === "production") throw new Error("The demo seed refuses to run with NODE_ENV=production.");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  for (const org of [OAKFIELD, RIVERSIDE]) {
    const existing = await db.selectFrom("organisations").select("id").where("slug", "=", org.slug).executeTakeFirst();
    if (existing && !reset) continue;
    if (existing) await db.deleteFrom("organisations").where("id", "=", existing.id).execute();
    await seedOrganisation(db, org, passwordHash);
    created.push(org.name);
  }
  // A platform operator for the queue dashboard (/ops/queues); left alone when there already.
  await insertOperator(db, DEMO_OPERATOR, passwordHash);
  return created;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const db = createDb(getServerEnv().DATABASE_URL, 2);
  seed(db, { reset: process.argv.includes("--reset") })
    .then((created) =>
      console.log(created.length ? `seeded: ${created.join(", ")}` : "demo organisations already there (use --reset to recreate)"),
    )
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.destroy());
}
