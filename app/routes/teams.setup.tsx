import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "#app/components/forms.js";
import { createRegion } from "#app/domain/teams/create-region.server.js";
import { archiveTeam, createTeam, updateTeam } from "#app/domain/teams/save-team.server.js";
import { TeamError } from "#app/domain/teams/team.errors.js";
import { ArchiveSchema, RegionSchema, TeamSchema } from "#app/domain/teams/team.schema.js";
import { archiveRegion, renameRegion } from "#app/domain/teams/update-region.server.js";
import { fieldErrorResponse, requireUuid } from "#app/utils/http-errors.server.js";
import { readForm } from "#app/utils/form.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formValues, parseForm } from "#app/utils/validation.js";
import { listActiveRegions, listRegionsForAdmin } from "#db/queries/teams.js";

// Regions and teams are set up by leads and admins (the people who run hiring); coaches and
// members see the teams but do not change them.

export const meta: MetaFunction = () => [{ title: "Set up regions and teams" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return scoped(async (trx) => {
    const [regions, activeRegions, teams] = await Promise.all([
      listRegionsForAdmin(trx),
      listActiveRegions(trx),
      trx
        .selectFrom("teams")
        .innerJoin("regions", "regions.id", "teams.regionId")
        .select(["teams.id", "teams.name", "teams.town", "teams.regionId", "teams.archivedAt", "regions.name as regionName"])
        .orderBy("teams.archivedAt", "desc")
        .orderBy("teams.name")
        .execute(),
    ]);
    return { regions, activeRegions, teams };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const actor = { userId: staff.userId, name: staff.name };
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  const bad = (fieldErrors: Record<string, string>) => Response.json({ intent, fieldErrors, values }, { status: 400 });
  try {
    if (intent === "region-create" || intent === "region-rename") {
      const result = parseForm(form, RegionSchema);
      if (!result.ok) return bad(result.fieldErrors);
      if (intent === "region-create") await run((ctx) => createRegion(ctx, { ...result.data, actor }));
      else await run((ctx) => renameRegion(ctx, { ...result.data, regionId: requireUuid(String(form.get("id"))), actor }));
      return redirect("/teams/setup?saved=region");
    }
    if (intent === "team-create" || intent === "team-update") {
      const result = parseForm(form, TeamSchema);
      if (!result.ok) return bad(result.fieldErrors);
      if (intent === "team-create") {
        const teamId = await run((ctx) => createTeam(ctx, { ...result.data, actor }));
        return redirect(`/teams/${teamId}?created=1`);
      }
      await run((ctx) => updateTeam(ctx, { ...result.data, teamId: requireUuid(String(form.get("id"))), actor }));
      return redirect("/teams/setup?saved=team");
    }
    if (intent === "region-archive" || intent === "team-archive") {
      const result = parseForm(form, ArchiveSchema);
      if (!result.ok) throw new Response("We could not find that.", { status: 404 });
      if (intent === "region-archive") await run((ctx) => archiveRegion(ctx, { regionId: result.data.id, actor }));
      else await run((ctx) => archiveTeam(ctx, { teamId: result.data.id, actor }));
      return redirect("/teams/setup?saved=archived");
    }
  } catch (error) {
    return fieldErrorResponse(error, { ...values, intent }, [TeamError]);
  }
  return bad({ form: "Choose what to do" });
}

const SAVED: Record<string, string> = { region: "Region saved.", team: "Team saved.", archived: "Archived. Its history is kept." };

export default function TeamSetup() {
  const { regions, activeRegions, teams } = useLoaderData<typeof loader>();
  const data = useActionData<{ intent?: string; fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const saved = SAVED[params.get("saved") ?? ""];
  const errorsFor = (intent: string) => (data?.values?.intent === intent || data?.intent === intent ? data.fieldErrors : {});
  const valueFor = (intent: string, name: string) => (data?.intent === intent ? data.values?.[name] : undefined);
  const regionOptions = Object.fromEntries(activeRegions.map((r) => [r.id, r.name]));
  const generalError = data?.fieldErrors?.form;
  return (
    <>
      <p>
        <Link to="/teams">All teams</Link>
      </p>
      <h1>Set up regions and teams</h1>
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      {generalError ? <ErrorSummary errors={{ form: generalError }} /> : null}

      <section className="card" aria-labelledby="new-team-title">
        <h2 id="new-team-title">Add a team</h2>
        {activeRegions.length === 0 ? (
          <p>Add a region first: every team belongs to one.</p>
        ) : (
          <Form method="post" noValidate className="stack">
            <ErrorSummary
              errors={{
                name: errorsFor("team-create").name,
                town: errorsFor("team-create").town,
                regionId: errorsFor("team-create").regionId,
              }}
            />
            <TextField name="name" label="Team name" error={errorsFor("team-create").name} defaultValue={valueFor("team-create", "name")} />
            <TextField name="town" label="Town" error={errorsFor("team-create").town} defaultValue={valueFor("team-create", "town")} />
            <SelectField
              name="regionId"
              label="Region"
              placeholder="Choose a region"
              options={regionOptions}
              error={errorsFor("team-create").regionId}
              defaultValue={valueFor("team-create", "regionId")}
            />
            <button type="submit" name="intent" value="team-create" className="button">
              Add the team
            </button>
          </Form>
        )}
      </section>

      <section className="card" aria-labelledby="new-region-title">
        <h2 id="new-region-title">Add a region</h2>
        <Form method="post" noValidate className="stack">
          <TextField
            name="name"
            id="region-name"
            label="Region name"
            error={errorsFor("region-create").name}
            defaultValue={valueFor("region-create", "name")}
          />
          <button type="submit" name="intent" value="region-create" className="button secondary">
            Add the region
          </button>
        </Form>
      </section>

      <h2>Regions</h2>
      <ul className="list-plain">
        {regions.map((r) => (
          <li key={r.id} className="card">
            <h3>
              {r.name} {r.archivedAt ? <span className="tag">Archived</span> : null}
            </h3>
            <p>
              {r.teams} active team{r.teams === 1 ? "" : "s"}
            </p>
            {r.archivedAt ? null : (
              <>
                <Form method="post" noValidate className="stack">
                  <input type="hidden" name="id" value={r.id} />
                  <TextField
                    name="name"
                    id={`region-${r.id}-name`}
                    label={`New name for ${r.name}`}
                    defaultValue={r.name}
                    error={data?.values?.id === r.id ? errorsFor("region-rename").name : undefined}
                  />
                  <button type="submit" name="intent" value="region-rename" className="button secondary">
                    Rename <span className="visually-hidden">{r.name}</span>
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" name="intent" value="region-archive" className="link-button">
                    Archive {r.name}
                  </button>
                </Form>
              </>
            )}
          </li>
        ))}
      </ul>

      <h2>Teams</h2>
      <ul className="list-plain">
        {teams.map((t) => (
          <li key={t.id} className="card">
            <h3>
              <Link to={`/teams/${t.id}`}>{t.name}</Link> {t.archivedAt ? <span className="tag">Archived</span> : null}
            </h3>
            <p>
              {t.town}, {t.regionName}
            </p>
            {t.archivedAt ? null : (
              <>
                <Form method="post" noValidate className="stack">
                  <input type="hidden" name="id" value={t.id} />
                  <TextField
                    name="name"
                    id={`team-${t.id}-name`}
                    label="Team name"
                    defaultValue={t.name}
                    error={data?.values?.id === t.id ? errorsFor("team-update").name : undefined}
                  />
                  <TextField
                    name="town"
                    id={`team-${t.id}-town`}
                    label="Town"
                    defaultValue={t.town}
                    error={data?.values?.id === t.id ? errorsFor("team-update").town : undefined}
                  />
                  <SelectField
                    name="regionId"
                    id={`team-${t.id}-region`}
                    label="Region"
                    options={regionOptions}
                    defaultValue={t.regionId}
                    error={data?.values?.id === t.id ? errorsFor("team-update").regionId : undefined}
                  />
                  <button type="submit" name="intent" value="team-update" className="button secondary">
                    Save <span className="visually-hidden">{t.name}</span>
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="id" value={t.id} />
                  <button type="submit" name="intent" value="team-archive" className="link-button">
                    Archive {t.name}
                  </button>
                </Form>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
