// Table types for Kysely, in camelCase (CamelCasePlugin maps them to the snake_case columns).
// Kept by hand next to db/migrations; update both together.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type OrgId = Generated<string>;

export type Experience = "experienced" | "new_to_care";
export type StaffRole = "lead" | "coach" | "member" | "admin";

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  createdAt: Generated<Date>;
  /** When the first admin confirmed their email; null until then (no vacancy may be published). */
  confirmedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Bumped by triggers on every change that shows on the public pages (a bigint, read as a string). */
  publicVersion: Generated<string>;
}

export type AuditKind = "settings" | "staff" | "team" | "member" | "vacancy" | "stage" | "candidate" | "exercise";

/** Append-only: the app's role may insert and select, never update or delete. */
export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  orgId: OrgId;
  actorUserId: string | null;
  actorName: string;
  kind: AuditKind;
  action: string;
  subjectId: string | null;
  summary: string;
  before: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
  after: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
  createdAt: ColumnType<Date, never, never>;
}

export interface PrivacyNoticesTable {
  id: Generated<string>;
  orgId: OrgId;
  version: number;
  body: string;
  publishedAt: Generated<Date>;
  publishedByName: string;
}

export interface RegionsTable {
  id: Generated<string>;
  orgId: OrgId;
  name: string;
  archivedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TeamsTable {
  id: Generated<string>;
  orgId: OrgId;
  regionId: string;
  name: string;
  town: string;
  archivedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UsersTable {
  id: Generated<string>;
  orgId: OrgId;
  email: string;
  name: string;
  passwordHash: string;
  role: StaffRole;
  createdAt: Generated<Date>;
  /** Set when an admin deactivates the account: no sign-in, and every session ends. */
  deactivatedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Set when a deactivated account's personal data was erased. */
  erasedAt: ColumnType<Date | null, never, Date | string | null>;
}

/** An admin's invitation to join as staff: single use, 7 days (the link's token is hashed). */
export interface StaffInvitationsTable {
  id: Generated<string>;
  orgId: OrgId;
  email: string;
  role: StaffRole;
  invitedBy: string | null;
  tokenHash: string | null;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  withdrawnAt: Timestamp | null;
  createdAt: Generated<Date>;
}

export interface TeamMembersTable {
  id: Generated<string>;
  orgId: OrgId;
  teamId: string;
  userId: string | null;
  name: string;
  experience: Experience;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  joinedOn: ColumnType<string, string, string>;
  leftOn: ColumnType<string | null, string | null | undefined, string | null>;
  leftReason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when their personal data was erased (name and email replaced; the facts stay). */
  erasedAt: ColumnType<Date | null, never, Date | string | null>;
}

/** Where a team member has been: one row per team, `toOn` null for the current one. */
export interface TeamMembershipsTable {
  id: Generated<string>;
  orgId: OrgId;
  memberId: string;
  teamId: string;
  fromOn: ColumnType<string, string, string>;
  toOn: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: Generated<Date>;
}

export type VacancyStatus = "draft" | "open" | "closed";
export type ContractType = "full_time" | "part_time" | "fixed_term" | "bank";

export interface VacanciesTable {
  id: Generated<string>;
  orgId: OrgId;
  teamId: string;
  title: string;
  town: string;
  hours: string;
  summary: string;
  status: Generated<VacancyStatus>;
  createdAt: Generated<Date>;
  postcode: ColumnType<string | null, string | null | undefined, string | null>;
  payMinPence: ColumnType<number | null, number | null | undefined, number | null>;
  payMaxPence: ColumnType<number | null, number | null | undefined, number | null>;
  contractType: ColumnType<ContractType | null, ContractType | null | undefined, ContractType | null>;
  /** The last UK date it takes applications; the closing job closes it the day after. */
  closesOn: ColumnType<string | null, string | null | undefined, string | null>;
  description: Generated<string>;
  publishedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updatedAt: Generated<Date>;
}

export interface CandidatesTable {
  id: Generated<string>;
  orgId: OrgId;
  email: string;
  fullName: string;
  phone: string;
  createdAt: Generated<Date>;
  /** Set when their personal data was erased (the row stays as an anonymous skeleton for the figures). */
  erasedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** They agreed to be contacted about future jobs: kept 12 months instead of 6 (org setting). */
  futureJobsConsentAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A lead's legal hold: no erasure by the retention job while set. */
  legalHoldReason: ColumnType<string | null, string | null | undefined, string | null>;
  legalHoldAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  legalHoldByName: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  orgId: OrgId;
  candidateId: string;
  vacancyId: string;
  stage: Generated<string>;
  experience: Experience;
  source: string;
  location: string;
  availability: string[];
  rightToWork: boolean;
  adjustments: string[];
  adjustmentsNote: string;
  createdAt: Generated<Date>;
  stageChangedAt: Generated<Date>;
  /** The privacy notice version the candidate agreed to when applying (0: the default notice). */
  privacyNoticeVersion: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  orgId: OrgId;
  applicationId: string;
  fromStage: string | null;
  toStage: string;
  actorUserId: string | null;
  actorName: string;
  reason: string | null;
  createdAt: Generated<Date>;
  /** "stage" for a stage change; "note" for a timeline entry that is not one (a vote opening or closing). */
  kind: Generated<"stage" | "note">;
}

export interface SessionsTable {
  id: string;
  orgId: OrgId;
  userId: string | null;
  candidateId: string | null;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
}

export interface LoginTokensTable {
  tokenHash: string;
  orgId: OrgId;
  candidateId: string;
  nextPath: Generated<string>;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

/** A hashed, single-use link for a member of staff (confirming the first admin's email). */
export interface StaffTokensTable {
  tokenHash: string;
  orgId: OrgId;
  userId: string;
  purpose: "confirm_email" | "reset_password";
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdAt: Generated<Date>;
}

export interface OutboxTable {
  id: Generated<string>;
  orgId: OrgId;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  createdAt: Generated<Date>;
  enqueuedAt: Timestamp | null;
  sentAt: Timestamp | null;
  providerId: string | null;
  dedupeKey: ColumnType<string | null, string | null | undefined, string | null>;
  /** Not before this time (a decline sent the next morning); null: at once. */
  sendAfter: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface OrgSettingsTable {
  orgId: OrgId;
  surveyThreshold: Generated<number>;
  surveyReminderDays: Generated<number[]>;
  workshopMinAttendees: Generated<number>;
  voteRule: Generated<VoteRule>;
  voteQuorum: Generated<VoteQuorum>;
  voteWindowHours: Generated<number>;
  voteVisibility: Generated<VoteVisibility>;
  /** Target share of experienced members, and its tolerance band, in percent. */
  mixTarget: Generated<number>;
  mixBandLow: Generated<number>;
  mixBandHigh: Generated<number>;
  /** Months a candidate's personal data is kept after their last application closed. */
  retentionMonths: Generated<number>;
  retentionMonthsFutureJobs: Generated<number>;
  /** Months after a team member left (or an account was deactivated) before their data is erased. */
  staffRetentionMonths: Generated<number>;
  /** The organisation's own words for the decline email, by stage ({ workshop: "..." }). */
  declineWords: ColumnType<Record<string, string>, string | undefined, string>;
  /** The public contact email: the Reply-To of every email sent for the organisation. */
  contactEmail: ColumnType<string | null, string | null | undefined, string | null>;
  /** The name in the From of its emails; null for "<name> via Circle Hire". */
  senderName: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SurveyStatus = "draft" | "live" | "retired";

export interface SurveyVersionsTable {
  id: Generated<string>;
  orgId: OrgId;
  version: number;
  status: SurveyStatus;
  /** A SurveyDefinition (app/domain/survey/survey.schema.ts). */
  definition: ColumnType<unknown, string, string>;
  createdAt: Generated<Date>;
  publishedAt: Timestamp | null;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  orgId: OrgId;
  versionId: string;
  applicationId: string | null;
  teamMemberId: string | null;
  startedAt: Generated<Date>;
  completedAt: Timestamp | null;
  /** A SurveyProfile (app/domain/survey/scoring.ts), stored when complete. */
  profile: ColumnType<unknown, string | null | undefined, string | null>;
  fit: number | null;
  outcome: "invited" | "review" | null;
}

export interface SurveyAnswersTable {
  orgId: OrgId;
  responseId: string;
  itemId: string;
  answer: string;
  answeredAt: Generated<Date>;
}

export interface MemberSurveyLinksTable {
  tokenHash: string;
  orgId: OrgId;
  teamMemberId: string;
  expiresAt: Timestamp;
}

export type RubricCriterion = { key: string; criterion: string; value: string; levels: Record<"1" | "2" | "3" | "4", string> };

export interface ScenarioExercisesTable {
  id: Generated<string>;
  orgId: OrgId;
  title: string;
  brief: string;
  rubric: ColumnType<RubricCriterion[], string, string>;
  createdAt: Generated<Date>;
  /** Archived: new workshops cannot choose it; null while in use. */
  archivedAt: Timestamp | null;
}

/** One version of an exercise: never changed once written (an edit adds the next version). */
export interface ScenarioExerciseVersionsTable {
  id: Generated<string>;
  orgId: OrgId;
  exerciseId: string;
  version: number;
  title: string;
  brief: string;
  rubric: ColumnType<RubricCriterion[], string, string>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface WorkshopsTable {
  id: Generated<string>;
  orgId: OrgId;
  startsAt: Timestamp;
  endsAt: Timestamp;
  venueName: string;
  venueAddress: string;
  directions: Generated<string>;
  accessibility: Generated<string>;
  capacity: Generated<number>;
  status: Generated<"scheduled" | "cancelled">;
  createdAt: Generated<Date>;
  lowNumbersAlertedAt: Timestamp | null;
}

export interface WorkshopTeamsTable {
  orgId: OrgId;
  workshopId: string;
  teamId: string;
}

export interface WorkshopExercisesTable {
  orgId: OrgId;
  workshopId: string;
  exerciseId: string;
  position: Generated<number>;
  /** The version scored at this workshop: set by the first score saved; until then the latest. */
  versionId: string | null;
}

export interface WorkshopBookingsTable {
  id: Generated<string>;
  orgId: OrgId;
  workshopId: string;
  applicationId: string;
  status: Generated<"booked" | "cancelled">;
  adjustments: Generated<string>;
  sequence: Generated<number>;
  bookedAt: Generated<Date>;
  cancelledAt: Timestamp | null;
  attendance: ColumnType<Attendance | null, Attendance | null | undefined, Attendance | null>;
  attendanceRecordedAt: Timestamp | null;
}

export type Attendance = "attended" | "late" | "no_show";

export interface WorkshopAssessorsTable {
  orgId: OrgId;
  workshopId: string;
  userId: string;
  submittedAt: Timestamp | null;
}

export interface AssessorScoresTable {
  orgId: OrgId;
  workshopId: string;
  assessorId: string;
  bookingId: string;
  exerciseId: string;
  criterionKey: string;
  /** The exercise version the score was given under. */
  versionId: string;
  score: number;
  note: Generated<string>;
  updatedAt: Generated<Date>;
}

export interface WorkshopWaitlistTable {
  id: Generated<string>;
  orgId: OrgId;
  workshopId: string;
  applicationId: string;
  status: Generated<"waiting" | "offered" | "accepted" | "expired" | "left">;
  joinedAt: Generated<Date>;
  offeredAt: Timestamp | null;
  offerExpiresAt: Timestamp | null;
}

export type VoteRule = "consent" | "majority";
export type VoteQuorum = "half" | "two_thirds" | "three_quarters" | "all";
export type VoteVisibility = "secret" | "open";
export type VoteChoice = "yes" | "no" | "concern";
export type VoteOutcome = "passed" | "not_passed" | "no_quorum" | "cancelled";
export type VoteResult = { eligible: number; required: number; cast: number; yes: number; no: number; concern: number };

export interface VotesTable {
  id: Generated<string>;
  orgId: OrgId;
  applicationId: string;
  teamId: string;
  status: Generated<"open" | "closed">;
  rule: VoteRule;
  quorum: VoteQuorum;
  visibility: VoteVisibility;
  openedAt: Generated<Date>;
  openedByName: string;
  closesAt: Timestamp;
  extended: Generated<boolean>;
  closedAt: Timestamp | null;
  outcome: VoteOutcome | null;
  result: ColumnType<VoteResult | null, string | null | undefined, string | null>;
  candidateMessage: string | null;
  candidateMessageSentAt: Timestamp | null;
}

export interface VoteVotersTable {
  orgId: OrgId;
  voteId: string;
  teamMemberId: string;
  conflictReason: string | null;
  conflictDeclaredAt: Timestamp | null;
}

export interface BallotsTable {
  orgId: OrgId;
  voteId: string;
  teamMemberId: string;
  choice: VoteChoice;
  comment: Generated<string>;
  castAt: Generated<Date>;
  recordedByUserId: string | null;
  recordedByName: string | null;
  confirmedAt: Timestamp | null;
}

export interface VoteAuditTable {
  id: Generated<string>;
  orgId: OrgId;
  voteId: string;
  teamMemberId: string | null;
  action: "voted" | "changed" | "recorded_for" | "confirmed" | "conflict_declared";
  actorName: string;
  createdAt: Generated<Date>;
}

export interface VoteLinksTable {
  tokenHash: string;
  orgId: OrgId;
  voteId: string;
  teamMemberId: string;
  expiresAt: Timestamp;
}

export type ShadowShiftStatus = "open" | "proposed" | "confirmed" | "cancelled";
export type ShadowSeen = "clearly" | "some" | "not_seen";
export type ShadowValueFeedback = { value: string; seen: ShadowSeen; note: string };

export interface ShadowShiftsTable {
  id: Generated<string>;
  orgId: OrgId;
  teamId: string;
  hostMemberId: string;
  applicationId: string | null;
  origin: "offered" | "proposed";
  status: ShadowShiftStatus;
  startsAt: Timestamp;
  endsAt: Timestamp;
  meetingPoint: string;
  visitDetails: Generated<string>;
  bringAndWear: Generated<string>;
  sequence: Generated<number>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  confirmedAt: Timestamp | null;
  cancelledAt: Timestamp | null;
}

export interface ShadowFeedbackTable {
  id: Generated<string>;
  orgId: OrgId;
  shiftId: string;
  applicationId: string;
  authorUserId: string | null;
  authorName: string;
  values: ColumnType<ShadowValueFeedback[], string, string>;
  concerns: Generated<string>;
  recommendation: "yes" | "unsure" | "no";
  supportedComment: Generated<string>;
  supportedBy: "person" | "family" | null;
  submittedAt: Generated<Date>;
}

export interface ShadowReflectionsTable {
  id: Generated<string>;
  orgId: OrgId;
  shiftId: string;
  applicationId: string;
  answer: "yes" | "not_sure" | "no";
  note: Generated<string>;
  submittedAt: Generated<Date>;
}

export type OfferStatus = "offered" | "accepted" | "declined" | "withdrawn" | "started" | "no_show";
export type WithdrawalReason = "another_job" | "pay" | "hours" | "travel" | "personal" | "checks_failed" | "no_reply" | "other";
export type CheckKind = "references" | "dbs" | "right_to_work";
export type CheckStatus = "pending" | "done" | "problem";
export type TouchpointKind = "kit" | "buddy_call" | "checkin";
export type CheckinAnswer = "good" | "ok" | "worried";
type DateOnly = ColumnType<string, string, string>;

export interface OffersTable {
  id: Generated<string>;
  orgId: OrgId;
  applicationId: string;
  teamId: string;
  buddyMemberId: string | null;
  roleTitle: string;
  hours: string;
  pay: string;
  /** YYYY-MM-DD (a date column, read as a string by the pg type parser in db/client.ts). */
  startDate: DateOnly;
  status: Generated<OfferStatus>;
  createdByName: string;
  createdAt: Generated<Date>;
  acceptedAt: Timestamp | null;
  declinedAt: Timestamp | null;
  declineReason: string | null;
  withdrawnAt: Timestamp | null;
  withdrawalReason: WithdrawalReason | null;
  withdrawalNote: string | null;
  startedOn: ColumnType<string | null, string | null | undefined, string | null>;
  memberId: string | null;
  noShowFlaggedAt: Timestamp | null;
}

export interface PrestartChecksTable {
  orgId: OrgId;
  offerId: string;
  kind: CheckKind;
  status: Generated<CheckStatus>;
  statusChangedAt: Generated<Date>;
  note: Generated<string>;
  updatedByName: string | null;
}

export interface TouchpointsTable {
  id: Generated<string>;
  orgId: OrgId;
  offerId: string;
  kind: TouchpointKind;
  seq: number;
  dueAt: Timestamp;
  sentAt: Timestamp | null;
  doneAt: Timestamp | null;
  repliedAt: Timestamp | null;
  answer: CheckinAnswer | null;
  note: Generated<string>;
  cancelledAt: Timestamp | null;
}

export interface TouchpointLinksTable {
  tokenHash: string;
  orgId: OrgId;
  touchpointId: string;
  expiresAt: Timestamp;
}

export interface KitContentTable {
  orgId: OrgId;
  week: number;
  title: string;
  body: string;
}

/** One row per team per UK day, written by the team_members trigger and the nightly job. */
export interface TeamMixSnapshotsTable {
  orgId: OrgId;
  teamId: string;
  takenOn: ColumnType<string, string, string>;
  size: number;
  experienced: number;
}

export type TeamAlertKind = "out_of_band" | "split" | "too_small";

export interface TeamAlertsTable {
  id: Generated<string>;
  orgId: OrgId;
  teamId: string;
  kind: TeamAlertKind;
  raisedAt: Generated<Date>;
  resolvedAt: Timestamp | null;
}

export interface ApplicationFactsTable {
  applicationId: string;
  orgId: OrgId;
  cohortMonth: DateOnly;
  appliedAt: Timestamp;
  regionId: string;
  teamId: string;
  vacancyId: string;
  source: string;
  experience: Experience;
  surveyCompletedAt: Timestamp | null;
  workshopBookedAt: Timestamp | null;
  attendedAt: Timestamp | null;
  workshopNoShow: boolean;
  shadowDoneAt: Timestamp | null;
  votePassedAt: Timestamp | null;
  offerAcceptedAt: Timestamp | null;
  offerStatus: OfferStatus | null;
  offerNoShowFlagged: boolean;
  offerStartedOn: ColumnType<string | null, string | null | undefined, string | null>;
  startedAt: Timestamp | null;
  leftOn: ColumnType<string | null, string | null | undefined, string | null>;
  exitStage: string | null;
  exitKind: "withdrawn" | "declined" | null;
  exitReason: string | null;
  /** Set when the person was erased: these facts are never recomputed, and the People page counts
   * the place and monitoring answers copied here instead of the (deleted) sources. */
  frozenAt: Timestamp | null;
  place: string | null;
  ageBand: string | null;
  gender: string | null;
  disability: string | null;
  ethnicity: string | null;
  caring: string | null;
  dirty: boolean;
  day90Counted: Generated<boolean>;
}

/** Voluntary equal opportunities monitoring: read only in aggregate (db/queries/people.ts). */
export interface DiversityAnswersTable {
  applicationId: string;
  orgId: OrgId;
  ageBand: string;
  gender: string;
  disability: string;
  ethnicity: string;
  caring: string;
  answeredAt: Generated<Date>;
}

export interface FunnelMonthlyTable {
  orgId: OrgId;
  cohortMonth: DateOnly;
  regionId: string;
  teamId: string;
  vacancyId: string;
  source: string;
  experience: Experience;
  applied: number;
  surveyCompleted: number;
  workshopBooked: number;
  attended: number;
  noShow: number;
  shadowDone: number;
  votePassed: number;
  offerAccepted: number;
  started: number;
  inPost90: number;
  leftWithin90: number;
  hireDaysSum: number;
  wApplied: number;
  dApplied: number;
  wSurvey: number;
  dSurvey: number;
  wWorkshop: number;
  dWorkshop: number;
  wShadow: number;
  dShadow: number;
  wVote: number;
  dVote: number;
  wOffer: number;
  dOffer: number;
}

export interface FunnelExitsMonthlyTable {
  orgId: OrgId;
  cohortMonth: DateOnly;
  regionId: string;
  teamId: string;
  exitStage: string;
  exitKind: "withdrawn" | "declined";
  exitReason: string;
  n: number;
}

/** A cell of the funnel: the dimensions the dashboard's filters narrow. */
interface FunnelCell {
  orgId: OrgId;
  cohortMonth: DateOnly;
  regionId: string;
  teamId: string;
  vacancyId: string;
  source: string;
  experience: Experience;
}

/**
 * The People rollup (migration 1700). Besides the cell, one integer column per monitoring answer
 * and measure (e.g. gender_woman_applications); db/queries/people.ts names them from the questions
 * and reads them with raw SQL, so they are not listed here.
 */
export type PeopleMonthlyTable = FunnelCell;

export interface PeoplePlacesMonthlyTable extends FunnelCell {
  place: string;
  applications: number;
  attended: number;
  hired: number;
}

export interface FunnelExitsCellsTable extends FunnelCell {
  exitStage: string;
  exitKind: "withdrawn" | "declined";
  exitReason: string;
  n: number;
}

export interface OfferOutcomesMonthlyTable extends FunnelCell {
  acceptedMonth: DateOnly;
  accepted: number;
  withdrawn: number;
  noShows: number;
  started: number;
  earlyLeavers: number;
}

export interface Database {
  organisations: OrganisationsTable;
  regions: RegionsTable;
  auditLog: AuditLogTable;
  privacyNotices: PrivacyNoticesTable;
  teams: TeamsTable;
  users: UsersTable;
  teamMembers: TeamMembersTable;
  teamMemberships: TeamMembershipsTable;
  vacancies: VacanciesTable;
  candidates: CandidatesTable;
  applications: ApplicationsTable;
  applicationEvents: ApplicationEventsTable;
  sessions: SessionsTable;
  loginTokens: LoginTokensTable;
  staffTokens: StaffTokensTable;
  staffInvitations: StaffInvitationsTable;
  outbox: OutboxTable;
  orgSettings: OrgSettingsTable;
  surveyVersions: SurveyVersionsTable;
  surveyResponses: SurveyResponsesTable;
  surveyAnswers: SurveyAnswersTable;
  memberSurveyLinks: MemberSurveyLinksTable;
  scenarioExercises: ScenarioExercisesTable;
  scenarioExerciseVersions: ScenarioExerciseVersionsTable;
  workshops: WorkshopsTable;
  workshopTeams: WorkshopTeamsTable;
  workshopExercises: WorkshopExercisesTable;
  workshopBookings: WorkshopBookingsTable;
  workshopAssessors: WorkshopAssessorsTable;
  assessorScores: AssessorScoresTable;
  workshopWaitlist: WorkshopWaitlistTable;
  votes: VotesTable;
  voteVoters: VoteVotersTable;
  ballots: BallotsTable;
  voteAudit: VoteAuditTable;
  voteLinks: VoteLinksTable;
  offers: OffersTable;
  prestartChecks: PrestartChecksTable;
  touchpoints: TouchpointsTable;
  touchpointLinks: TouchpointLinksTable;
  kitContent: KitContentTable;
  applicationFacts: ApplicationFactsTable;
  diversityAnswers: DiversityAnswersTable;
  funnelMonthly: FunnelMonthlyTable;
  funnelExitsMonthly: FunnelExitsMonthlyTable;
  funnelExitsCells: FunnelExitsCellsTable;
  offerOutcomesMonthly: OfferOutcomesMonthlyTable;
  peopleMonthly: PeopleMonthlyTable;
  peoplePlacesMonthly: PeoplePlacesMonthlyTable;
  teamMixSnapshots: TeamMixSnapshotsTable;
  teamAlerts: TeamAlertsTable;
  shadowShifts: ShadowShiftsTable;
  shadowFeedback: ShadowFeedbackTable;
  shadowReflections: ShadowReflectionsTable;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type VacancyRow = Selectable<VacanciesTable>;
export type OutboxRow = Selectable<OutboxTable>;
