import { sql } from "kysely";
import { ownerDb } from "#tests/factories/org.js";

/** Every text and json column of every table, as the owner sees it, searched for `needle`. */
export async function findAnywhere(needle: string) {
  const { rows: columns } = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`.execute(ownerDb());
  const found: string[] = [];
  for (const { table, column } of columns) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from ${sql.table(table)} where ${sql.ref(column)}::text ilike ${`%${needle}%`}`.execute(ownerDb());
    if (Number(rows[0].n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}
