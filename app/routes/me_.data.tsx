import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { exportPersonalData } from "#app/domain/privacy/export-candidate.server.js";
import { candidateScope } from "#app/utils/tenant.server.js";
import { PersonalDataSections } from "#app/components/personal-data-sections.js";

export const meta: MetaFunction = () => [{ title: "Your data" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await candidateScope(request);
  if (!scope) throw redirect(`/me?next=${encodeURIComponent("/me/data")}`);
  return scope.scoped((trx) => exportPersonalData(trx, scope.candidate.candidateId, "candidate"));
}

export default function MyData() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Back to your applications</Link>
      </p>
      <h1>Your data</h1>
      <p className="lede">Everything {data.organisation} holds about you, across all your applications.</p>
      <p>
        <a className="button" href="/me/data.json" download>
          Download my data (a file for computers)
        </a>
      </p>
      <p>
        Notes written by staff and the team's votes are not shown here. To get them too, email {data.organisation} and ask for all your
        data. They must answer within one month.
      </p>
      <PersonalDataSections sections={data.sections} />
      <h2>Delete your data</h2>
      <p>You can ask us to delete everything above.</p>
      <p>
        <Link to="/me/delete">Delete my data</Link>
      </p>
    </div>
  );
}
