import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAuditEntries } from "#db/queries/audit.js";
import { listStaff } from "#db/queries/staff.js";
import type { AuditKind } from "#db/schema.js";
import { isUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formatDateTime } from "#app/domain/dates.js";

export const meta: MetaFunction = () => [{ title: "Audit log" }];

const PAGE_SIZE = 50;
const KINDS: Record<AuditKind, string> = {
  settings: "Settings",
  staff: "Staff accounts",
  team: "Teams",
  member: "Team members",
  vacancy: "Vacancies",
  stage: "Stage moves",
  candidate: "Candidates",
  exercise: "Scenario exercises",
};
const isDate = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, ["admin"]);
  const params = new URL(request.url).searchParams;
  const person = params.get("person") ?? "";
  const kind = params.get("kind") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const before = params.get("before") ?? "";
  const filter = {
    actorUserId: isUuid(person) ? person : undefined,
    kind: kind in KINDS ? (kind as AuditKind) : undefined,
    from: isDate(from) ? new Date(`${from}T00:00:00Z`) : undefined,
    // The whole of the last day.
    to: isDate(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
  };
  const [entries, people] = await scoped((trx) =>
    Promise.all([
      listAuditEntries(trx, filter, { limit: PAGE_SIZE + 1, beforeId: /^\d+$/.test(before) ? before : undefined }),
      listStaff(trx),
    ]),
  );
  const next = entries.length > PAGE_SIZE ? entries[PAGE_SIZE - 1].id : null;
  return {
    entries: entries.slice(0, PAGE_SIZE),
    next,
    people: people.map((p) => ({ id: p.id, name: p.name })),
    filters: { person, kind, from, to },
  };
}

const when = formatDateTime;
const fields = (value: Record<string, unknown> | null) =>
  value
    ? Object.entries(value)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(", ")
    : "";

export default function AuditLog() {
  const { entries, next, people, filters } = useLoaderData<typeof loader>();
  const nextParams = new URLSearchParams({ ...filters, before: String(next ?? "") });
  return (
    <div>
      <h1>Audit log</h1>
      <p className="lede">Every change staff made to settings, staff accounts and applications, newest first.</p>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="person">Person</label>
          <select id="person" name="person" defaultValue={filters.person}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">Kind of change</label>
          <select id="kind" name="kind" defaultValue={filters.kind}>
            <option value="">Any</option>
            {Object.entries(KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From (date)</label>
          <input id="from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="to">To (date)</label>
          <input id="to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </Form>
      {entries.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.createdAt)}</td>
                  <td>{e.actorName}</td>
                  <td>{e.summary}</td>
                  <td>{fields(e.before)}</td>
                  <td>{fields(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No changes match.</p>
      )}
      {next ? (
        <p>
          <Link to={`/settings/audit?${nextParams}`}>Older changes</Link>
        </p>
      ) : null}
    </div>
  );
}
