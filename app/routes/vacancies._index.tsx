import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { listVacanciesForStaff } from "#db/queries/vacancies.js";

// Vacancies are run by leads and admins (the people who hire); coaches see candidates in the pipeline.

export const meta: MetaFunction = () => [{ title: "Vacancies" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return { vacancies: await scoped((trx) => listVacanciesForStaff(trx)) };
}

const STATUS_LABELS = { draft: "Draft: not public", open: "Open", closed: "Closed" } as const;

export default function Vacancies() {
  const { vacancies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Vacancies</h1>
      <p>
        <Link to="/vacancies/new" className="button">
          Draft a vacancy
        </Link>
      </p>
      {vacancies.length === 0 ? (
        <p>No vacancies yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Vacancy</th>
                <th scope="col">Team</th>
                <th scope="col">Status</th>
                <th scope="col">Closing date</th>
                <th scope="col">Applications</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                  </th>
                  <td>{v.teamName}</td>
                  <td>
                    <span className={v.status === "open" ? "tag" : "tag alert"}>{STATUS_LABELS[v.status]}</span>
                  </td>
                  <td>{v.closesOn ?? "None"}</td>
                  <td>{v.applications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
