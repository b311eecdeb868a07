import { redirect } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "#db/client.js";
import { findStaffTokenOrg } from "#db/queries/users.js";
import { findInvitationOrg } from "#db/queries/staff.js";
import { sha256 } from "#app/domain/links/tokens.server.js";
import type { StaffRole } from "#db/schema.js";
import { findOrganisationBySlug, isSlugTaken } from "#db/queries/organisations.js";
import { listActiveMemberIdsOfUser } from "#db/queries/shadow.js";
import type { Scoped } from "#db/tenant.js";
import type { UseCaseContext } from "#app/domain/after-commit.js";
import { findVoterByLink } from "#app/domain/links/vote-links.server.js";
import { findTouchpointByLink } from "#app/domain/links/touchpoint-links.server.js";
import { setLogOrg } from "./request-context.server.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { type CandidateSession, getCandidateSession, requireStaff, type StaffSession } from "./session.server.js";

export type { Scoped, Tx };

/**
 * Runs a use case in the scope's organisation: one transaction, then, once committed, the emails
 * and jobs it recorded (`runInOrg`). Routes call use cases only through this.
 */
export type Run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>;

/** Both ways into one organisation: `scoped` for reads (a transaction), `run` for use cases. */
export function orgScope(orgId: string): { scoped: Scoped; run: Run } {
  return {
    scoped: (work) => runInOrg(orgId, ({ trx }) => work(trx)),
    run: (work) => runInOrg(orgId, work),
  };
}

/** Signed-in staff, and runners whose every query sees only their organisation. */
export async function staffScope(request: Request, roles?: StaffRole[]): Promise<{ staff: StaffSession } & ReturnType<typeof orgScope>> {
  const staff = await requireStaff(request, roles);
  return { staff, ...orgScope(staff.orgId) };
}

/** A brand-new organisation (sign-up at /start): runners scoped to a fresh id that `createOrganisation` then takes. */
export function newOrgScope() {
  return orgScope(randomUUID());
}

/** A staff member's emailed link (confirming their email), scoped to its organisation; null for an unknown link. */
export async function staffLinkScope(token: string) {
  const orgId = token ? await findStaffTokenOrg(getDb(), sha256(token)) : null;
  if (!orgId) return null;
  setLogOrg(orgId);
  return orgScope(orgId);
}

/** A staff invitation's link, scoped to the inviting organisation; null for an unknown link. */
export async function invitationScope(token: string) {
  const orgId = token ? await findInvitationOrg(getDb(), sha256(token)) : null;
  if (!orgId) return null;
  setLogOrg(orgId);
  return orgScope(orgId);
}

/** A signed-in candidate (or null), with runners scoped to the organisation they applied to. */
export async function candidateScope(request: Request): Promise<({ candidate: CandidateSession } & ReturnType<typeof orgScope>) | null> {
  const candidate = await getCandidateSession(request);
  if (!candidate) return null;
  return { candidate, ...orgScope(candidate.orgId) };
}

/** The signed-in candidate's scope, or off to /me to sign in, coming back to this page afterwards. */
export async function requireCandidateScope(request: Request) {
  const found = await candidateScope(request);
  if (!found) throw redirect(`/me?next=${encodeURIComponent(new URL(request.url).pathname)}`);
  return found;
}

/** Public pages of one organisation (careers, applying), found by the slug in the URL. */
export async function publicOrgScope(slug: string | undefined) {
  const org = slug ? await findOrganisationBySlug(getDb(), slug) : undefined;
  if (!org) throw new Response("We could not find that organisation.", { status: 404 });
  setLogOrg(org.id);
  return { org, ...orgScope(org.id) };
}

/** Whether an organisation already has this web address (public: every careers page shows its slug). */
export const slugTaken = (slug: string) => isSlugTaken(getDb(), slug);

/** A team member's personal voting link: the vote and member it belongs to, scoped to their organisation. */
export async function voterScope(token: string | undefined) {
  const voter = await findVoterByLink(getDb(), token);
  if (!voter) throw new Response("This voting link is not valid any more. Ask your coordinator for a new one.", { status: 404 });
  setLogOrg(voter.orgId);
  return { voter, ...orgScope(voter.orgId) };
}

/** A new starter's personal reply link (keep-in-touch or check-in), scoped to their organisation. */
export async function touchpointScope(token: string | undefined) {
  const found = await findTouchpointByLink(getDb(), token);
  if (!found) throw new Response("This link is not valid any more. If you would like to talk to us, reply to our email.", { status: 404 });
  setLogOrg(found.orgId);
  return { touchpointId: found.touchpointId, ...orgScope(found.orgId) };
}

/**
 * Where signed-in staff land (after sign-in, and on the start page): anyone who is in a team,
 * team members and leads or coaches alike, lands on their own to-do list (`/home`); leads,
 * coaches and admins who are in no team land on the pipeline.
 */
export async function staffLandingPath(staff: { orgId: string; userId: string; role: StaffRole }) {
  if (staff.role === "member") return "/home";
  const memberIds = await orgScope(staff.orgId).scoped((trx) => listActiveMemberIdsOfUser(trx, staff.userId));
  return memberIds.length ? "/home" : "/pipeline";
}
