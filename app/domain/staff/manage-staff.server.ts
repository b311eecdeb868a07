import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { StaffRole } from "#db/schema.js";
import { lockActiveAdmins, lockUser } from "#db/queries/staff.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { StaffError } from "./staff.errors.js";

type Actor = { userId: string; name: string };

const LAST_ADMIN = "The organisation needs at least one admin: make someone else an admin first";

/** Throws unless another active admin would remain once `userId` stops being one. */
async function checkNotLastAdmin(trx: Tx, userId: string) {
  const admins = await lockActiveAdmins(trx);
  if (!admins.some((a) => a.id !== userId)) throw new StaffError("last_admin", LAST_ADMIN);
}

async function activeUser(trx: Tx, userId: string) {
  const user = await lockUser(trx, userId);
  if (!user) throw new StaffError("not_found", "We could not find that person");
  return user;
}

/** Changes a person's role; the last admin cannot be demoted. */
export async function changeStaffRole(ctx: UseCaseContext, actor: Actor, userId: string, role: StaffRole) {
  const { trx } = ctx;
  const user = await activeUser(trx, userId);
  if (user.deactivatedAt) throw new StaffError("not_found", "That account has been deactivated");
  const changed = changedFields({ role: user.role }, { role });
  if (!changed) return;
  if (user.role === "admin") await checkNotLastAdmin(trx, userId);
  await trx.updateTable("users").set({ role }).where("id", "=", userId).execute();
  await recordAudit(trx, {
    actor,
    kind: "staff",
    action: "staff.role_changed",
    subjectId: userId,
    summary: `Changed ${user.name}'s role from ${user.role} to ${role}`,
    ...changed,
  });
}

/** Deactivates an account: no more sign-in, and every session ends now. The last admin cannot be deactivated. */
export async function deactivateStaff(ctx: UseCaseContext, actor: Actor, userId: string) {
  const { trx } = ctx;
  const user = await activeUser(trx, userId);
  if (user.deactivatedAt) return;
  if (user.role === "admin") await checkNotLastAdmin(trx, userId);
  await trx.updateTable("users").set({ deactivatedAt: sql`now()` }).where("id", "=", userId).execute();
  await trx.updateTable("sessions").set({ revokedAt: sql`now()` }).where("userId", "=", userId).where("revokedAt", "is", null).execute();
  await recordAudit(trx, {
    actor,
    kind: "staff",
    action: "staff.deactivated",
    subjectId: userId,
    summary: `Deactivated ${user.name}'s account`,
    before: { active: true },
    after: { active: false },
  });
}
