import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatUkDay } from "#app/domain/offers/offer-rules.js";
import { listFormerStaff } from "#app/domain/privacy/staff-data.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Former colleagues' data" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, ["admin"]);
  const { members, accounts } = await scoped(listFormerStaff);
  return { people: [...members, ...accounts] };
}

export default function FormerColleagues() {
  const { people } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <p>
        <Link to="/settings/privacy">Data and privacy</Link>
      </p>
      <h1>Former colleagues' data</h1>
      <p className="lede">
        Team members who left and staff accounts you deactivated. Their data is erased automatically on the day shown; you can download it
        for them, or erase it sooner if they ask.
      </p>
      {params.get("erased") ? (
        <p className="notice" role="status">
          Their personal data has been erased.
        </p>
      ) : null}
      {people.length === 0 ? (
        <p>Nobody's data is waiting to be erased.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Former colleagues, most recent first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Left</th>
                <th scope="col">Erased automatically on</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={`${p.kind}-${p.id}`}>
                  <th scope="row">
                    {p.name}
                    <span className="muted"> {p.teamName ? `(${p.teamName})` : "(staff account)"}</span>
                  </th>
                  <td>{formatUkDay(p.goneOn)}</td>
                  <td>{formatUkDay(p.erasedOn)}</td>
                  <td>
                    <ul className="plain">
                      <li>
                        <a href={`/settings/former-colleagues/${p.kind}/${p.id}.json`} download>
                          Download their data<span className="visually-hidden"> ({p.name})</span>
                        </a>
                      </li>
                      <li>
                        <Link to={`/settings/former-colleagues/${p.kind}/${p.id}`}>
                          Erase now<span className="visually-hidden"> ({p.name})</span>
                        </Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
