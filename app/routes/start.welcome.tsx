import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireStaff } from "#app/utils/session.server.js";

export const meta: MetaFunction = () => [{ title: "Check your email" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export default function Welcome() {
  return (
    <div className="narrow">
      <h1>Your organisation is ready</h1>
      <p className="lede">We have emailed you a link to confirm your email address. Once it is confirmed you can publish vacancies.</p>
      <p>Until then you can look around and get your pipeline ready.</p>
      <p>
        <Link to="/pipeline">Go to your pipeline</Link>
      </p>
    </div>
  );
}
