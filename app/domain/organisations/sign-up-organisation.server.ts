import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { isSlugTaken } from "#db/queries/organisations.js";
import { isStaffEmailTaken } from "#db/queries/users.js";
import { createOrganisation } from "./create-organisation.server.js";
import { OrganisationError } from "./organisation.errors.js";
import { slugProblem } from "./organisation.schema.js";

export type SignUp = { orgName: string; slug: string; adminName: string; email: string; passwordHash: string };

/**
 * A care provider signs up: the organisation (with every default), its first admin and the email
 * asking them to confirm their address, in one transaction. The organisation may publish a
 * vacancy once that link is used (`checkOrgMayPublish`).
 */
export async function signUpOrganisation(ctx: UseCaseContext, input: SignUp) {
  const { trx } = ctx;
  const problem = slugProblem(input.slug);
  if (problem) throw new OrganisationError("slug_taken", problem, "slug");
  if (await isSlugTaken(trx, input.slug)) {
    throw new OrganisationError("slug_taken", "Another organisation already uses that web address. Choose another", "slug");
  }
  if (await isStaffEmailTaken(trx, input.email)) {
    throw new OrganisationError("email_taken", "That email address already has a staff account. Sign in instead, or use another", "email");
  }
  const { orgId } = await createOrganisation(ctx, { slug: input.slug, name: input.orgName, confirmed: false });
  const admin = await trx
    .insertInto("users")
    .values({ email: input.email, name: input.adminName, role: "admin", passwordHash: input.passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: { userId: admin.id, name: input.adminName },
    kind: "settings",
    action: "organisation.created",
    subjectId: orgId,
    summary: "Signed up the organisation",
    after: { name: input.orgName, slug: input.slug },
  });
  await sendAfterCommit(ctx, { kind: "staff-confirm-email", userId: admin.id });
  return { orgId, userId: admin.id };
}
