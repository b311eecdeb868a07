/** Who made a change, for the audit log: a staff account (by id) and their name at the time. */
export type Actor = { userId: string | null; name: string };
