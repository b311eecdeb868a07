import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Seat holds past their expiry, across organisations, for the sweep: their expiry job is the
    -- usual way a held seat passes on, and this finds the ones whose job Redis lost.
    create function overdue_seat_holds(p_limit int)
    returns table (org_id uuid, entry_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from workshop_waitlist
      where status = 'offered' and offer_expires_at <= now()
      order by offer_expires_at limit p_limit
    $$;
    revoke all on function overdue_seat_holds from public;
    grant execute on function overdue_seat_holds to circle_app;
  `.execute(db);
  // Hand it to circle_definer, as 2026_12_04_0900_force_row_level_security.ts explains.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      alter function overdue_seat_holds(int) owner to circle_definer;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      drop function if exists overdue_seat_holds;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}
