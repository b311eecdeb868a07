import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "#app/components/forms.js";
import { importRoster, previewRoster, type RosterPreview } from "#app/domain/teams/roster.server.js";
import { TeamError } from "#app/domain/teams/team.errors.js";
import { EXPERIENCE } from "#app/domain/teams/team.schema.js";
import { readForm } from "#app/utils/form.server.js";
import { fieldErrorResponse, requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { findTeamById } from "#db/queries/teams.js";

// Import a roster: upload → a preview of every row as it will be saved, with each problem and its
// line → confirm. Nothing is written before the confirmation; the file travels back in a hidden
// field (base64), and is read again and checked once more when confirmed.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Import members into ${data.team.name}` : "Import members" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const team = await scoped((trx) => findTeamById(trx, requireUuid(params.teamId)));
  if (!team) throw new Response("We could not find that team.", { status: 404 });
  return { team };
}

type ActionData = { fieldErrors: Record<string, string>; preview?: RosterPreview; file?: string };

const fromBase64 = (value: string) => Buffer.from(value, "base64").toString("utf8");

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, scoped, run } = await staffScope(request, MANAGE_ROLES);
  const teamId = requireUuid(params.teamId);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "import") {
    const file = form.get("csv");
    if (typeof file !== "string" || !file) return Response.json({ fieldErrors: { file: "Choose the roster file again" } }, { status: 400 });
    try {
      const done = await run((ctx) =>
        importRoster(ctx, { teamId, csv: fromBase64(file), actor: { userId: staff.userId, name: staff.name } }),
      );
      return redirect(`/teams/${teamId}?imported=${done.added}`);
    } catch (error) {
      return fieldErrorResponse(error, {}, [TeamError]);
    }
  }
  const upload = form.get("file");
  if (!(upload instanceof File) || upload.size === 0)
    return Response.json({ fieldErrors: { file: "Choose a CSV file with your team's members" } } satisfies ActionData, { status: 400 });
  const csv = await upload.text();
  const preview = await scoped(async (trx) => ((await findTeamById(trx, teamId)) ? previewRoster(trx, teamId, csv) : null));
  if (!preview) throw new Response("We could not find that team.", { status: 404 });
  const problems = preview.rows.filter((r) => r.status === "problem").length;
  const fieldErrors: Record<string, string> = preview.fileProblem
    ? { file: preview.fileProblem }
    : problems
      ? {
          file: `${problems} row${problems === 1 ? " has a problem" : "s have problems"}: fix ${problems === 1 ? "it" : "them"} in the file and upload it again`,
        }
      : {};
  return Response.json({ fieldErrors, preview, file: Buffer.from(csv, "utf8").toString("base64") } satisfies ActionData, {
    status: preview.fileProblem || problems ? 400 : 200,
  });
}

const STATUS_TEXT = { new: "Will be added", existing: "Already in the team: no change", problem: "Problem" } as const;

export default function ImportRoster() {
  const { team } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const preview = data?.preview;
  const errors = data?.fieldErrors ?? {};
  const adding = preview?.rows.filter((r) => r.status === "new").length ?? 0;
  const canImport = preview && !preview.fileProblem && preview.rows.every((r) => r.status !== "problem");
  return (
    <div className="narrow">
      <p>
        <Link to={`/teams/${team.id}`}>Back to {team.name}</Link>
      </p>
      <h1>Import members into {team.name}</h1>
      <p className="lede">
        Save your roster from a spreadsheet as a CSV file. The first line names the columns: <code>name</code>, <code>email</code>{" "}
        (optional), <code>experience</code> ("experienced" or "new to care") and <code>joined</code> (like 2025-03-01 or 1/3/2025).
      </p>
      <Form method="post" encType="multipart/form-data" noValidate className="stack card">
        <ErrorSummary errors={errors} />
        <div className={`field${errors.file ? " has-error" : ""}`}>
          <label htmlFor="file">Roster file (CSV)</label>
          {errors.file ? (
            <span className="error-message" id="file-error">
              <span className="visually-hidden">Error: </span>
              {errors.file}
            </span>
          ) : null}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={errors.file ? "file-error" : undefined}
            aria-invalid={errors.file ? true : undefined}
          />
        </div>
        <button type="submit" name="intent" value="preview" className="button secondary">
          Check the file
        </button>
      </Form>
      {preview?.rows.length ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">What will be saved</h2>
          {/* Wider than a phone: focusable, so the rows can be scrolled from the keyboard. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1) */}
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Background</th>
                  <th scope="col">Joined</th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <th scope="row">{r.name}</th>
                    <td>{r.email}</td>
                    <td>{r.experience ? EXPERIENCE[r.experience] : ""}</td>
                    <td>{r.joinedOn}</td>
                    <td>
                      {r.status === "problem" ? (
                        <span className="error-message">
                          Line {r.line}: {r.problems.join(". ")}
                        </span>
                      ) : (
                        STATUS_TEXT[r.status]
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canImport ? (
            <Form method="post" className="stack">
              <input type="hidden" name="csv" value={data?.file} />
              <p>
                {adding === 0
                  ? "Everyone in this file is already in the team: importing changes nothing."
                  : `${adding} member${adding === 1 ? "" : "s"} will be added.`}
              </p>
              <button type="submit" name="intent" value="import" className="button">
                Import {adding} member{adding === 1 ? "" : "s"}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
