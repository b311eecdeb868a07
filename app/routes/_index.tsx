import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Circle Hire: values-led hiring for self-managing care teams" }];

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
