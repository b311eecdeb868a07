import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MANAGE_ROLES, requireStaff } from "#app/utils/session.server.js";

export const meta: MetaFunction = () => [{ title: "Settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, MANAGE_ROLES);
  return { admin: staff.role === "admin" };
}

const PAGES = [
  ["/settings/survey", "Values survey", "The threshold for inviting people to a workshop, reminders, and the survey's wording."],
  ["/settings/voting", "Team votes", "How teams decide on a hire: consent or majority, the quorum, the window, and secrecy."],
  ["/settings/mix", "Team mix", "The target share of experienced people in each team, and its band."],
  ["/settings/keep-in-touch", "Keep-in-touch emails", "What new colleagues hear from you each week before they start."],
  ["/settings/privacy-notice", "Privacy notice", "What candidates read before they apply, with every published version kept."],
  ["/settings/privacy", "Data and privacy", "How long candidates' data is kept, and the words of the email when you decline someone."],
] as const;

/** Only admins reach these. */
const ADMIN_PAGES = [
  ["/settings/organisation", "Organisation details", "Your name, the public contact email replies go to, and the sender name on emails."],
  ["/settings/staff", "Staff accounts", "Invite colleagues, change roles, withdraw invitations and deactivate accounts."],
] as const;

export default function Settings() {
  const { admin } = useLoaderData<typeof loader>();
  const pages = admin ? [...PAGES, ...ADMIN_PAGES] : PAGES;
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <ul className="list-plain">
        {pages.map(([to, title, text]) => (
          <li key={to} className="card">
            <h2>
              <Link to={to}>{title}</Link>
            </h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
