import { type Kysely, sql } from "kysely";

// The pages (dashboard, People) brought their organisation's changed months up to date before
// reading (refresh_my_funnel). With every rollup rebuilt per month, that costs about 30 ms per
// thousand applications in the month (the current month of a 1M-application organisation, 21,708
// applications: about 700 ms), paid by whoever opens the page after any change. Now a page
// rebuilds only changed months of at most p_max_facts applications, and says how many it left to
// the minute job (refresh-funnel), which the page then tells the reader.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function refresh_my_funnel(p_max_facts int) returns int
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      r record;
      left_over int := 0;
    begin
      if current_org_id() is null then
        return 0;
      end if;
      for r in
        select f.cohort_month, count(*) as n from application_facts f
        where f.org_id = current_org_id()
          and f.cohort_month in (select d.cohort_month from application_facts d where d.dirty and d.org_id = current_org_id())
        group by f.cohort_month order by f.cohort_month
      loop
        if r.n <= p_max_facts then
          perform refresh_funnel_month(current_org_id(), r.cohort_month);
        else
          left_over := left_over + 1;
        end if;
      end loop;
      return left_over;
    end $$;
    revoke all on function refresh_my_funnel(int) from public;
    grant execute on function refresh_my_funnel(int) to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists refresh_my_funnel(int)`.execute(db);
}
