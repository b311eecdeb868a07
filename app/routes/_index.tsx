import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSession } from "#app/utils/session.server.js";
import { staffLandingPath } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Circle Hire: values-led hiring for self-managing care teams" }];

/** Signed-in staff go straight to where they work: their own to-do list when in a team, else the pipeline. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session?.userId && session.role)
    throw redirect(await staffLandingPath({ orgId: session.orgId, userId: session.userId, role: session.role }));
  return null;
}

export default function Index() {
  return (
    <div className="narrow">
      <h1>Hire for values, into teams that decide together</h1>
      <p className="lede">
        Circle Hire helps care providers find people with the right values, and lets each self-managing team choose who joins it.
      </p>
      <h2>Looking for a job?</h2>
      <p>
        Each care provider has its own jobs page. If you have already applied, <Link to="/me">see your applications</Link>.
      </p>
      <h2>Work for a care provider?</h2>
      <p>
        <Link to="/sign-in">Sign in as staff</Link> to see the pipeline and your teams.
      </p>
    </div>
  );
}
