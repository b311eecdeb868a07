import { getDb } from "#db/client.js";
import type { StaffRole } from "#db/schema.js";
import { findOrganisationBySlug } from "#db/queries/organisations.js";
import { type Scoped, withOrg } from "#db/tenant.js";
import { findVoterByLink } from "#app/domain/votes/vote-links.server.js";
import { findTouchpointByLink } from "#app/domain/offers/touchpoint-links.server.js";
import { setLogOrg } from "./request-context.server.js";
import { type CandidateSession, getCandidateSession, requireStaff, type StaffSession } from "./session.server.js";

export type { Scoped };

/** Signed-in staff, and a runner whose every query sees only their organisation. */
export async function staffScope(request: Request, roles?: StaffRole[]): Promise<{ staff: StaffSession; scoped: Scoped }> {
  const staff = await requireStaff(request, roles);
  return { staff, scoped: (work) => withOrg(getDb(), staff.orgId, work) };
}

/** A signed-in candidate (or null), with a runner scoped to the organisation they applied to. */
export async function candidateScope(request: Request): Promise<{ candidate: CandidateSession; scoped: Scoped } | null> {
  const candidate = await getCandidateSession(request);
  if (!candidate) return null;
  return { candidate, scoped: (work) => withOrg(getDb(), candidate.orgId, work) };
}

/** Public pages of one organisation (careers, applying), found by the slug in the URL. */
export async function publicOrgScope(slug: string | undefined) {
  const org = slug ? await findOrganisationBySlug(getDb(), slug) : undefined;
  if (!org) throw new Response("We could not find that organisation.", { status: 404 });
  setLogOrg(org.id);
  const scoped: Scoped = (work) => withOrg(getDb(), org.id, work);
  return { org, scoped };
}

/** A team member's personal voting link: the vote and member it belongs to, scoped to their organisation. */
export async function voterScope(token: string | undefined) {
  const voter = await findVoterByLink(getDb(), token);
  if (!voter) throw new Response("This voting link is not valid any more. Ask your coordinator for a new one.", { status: 404 });
  setLogOrg(voter.orgId);
  const scoped: Scoped = (work) => withOrg(getDb(), voter.orgId, work);
  return { voter, scoped };
}

/** A new starter's personal reply link (keep-in-touch or check-in), scoped to their organisation. */
export async function touchpointScope(token: string | undefined) {
  const found = await findTouchpointByLink(getDb(), token);
  if (!found) throw new Response("This link is not valid any more. If you would like to talk to us, reply to our email.", { status: 404 });
  setLogOrg(found.orgId);
  const scoped: Scoped = (work) => withOrg(getDb(), found.orgId, work);
  return { touchpointId: found.touchpointId, scoped };
}
