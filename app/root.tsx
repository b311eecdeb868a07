import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { PageMeta } from "./components/page-meta.js";
import styles from "./styles.css";
import { useNonce } from "./utils/nonce.js";
import { getSession } from "./utils/session.server.js";
import { isOrgConfirmed } from "./domain/organisations/confirm-email.server.js";
import { orgScope } from "./utils/tenant.server.js";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const errorStatus = (error: unknown) => (isRouteErrorResponse(error) ? error.status : 500);
const errorHeading = (status: number) => (status === 404 ? "Page not found" : status === 403 ? "No access" : "Sorry, there is a problem");

// Every route names its page; this covers the error pages (an error shows only the root's meta)
// and any page that names none.
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorHeading(errorStatus(error)) : "Circle Hire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  // An admin of an organisation signed up at /start sees a banner until their email is confirmed.
  const unconfirmed = session?.role === "admin" ? !(await orgScope(session.orgId).scoped(isOrgConfirmed)) : false;
  return {
    unconfirmed,
    viewer: session ? { name: session.name, kind: session.userId ? ("staff" as const) : ("candidate" as const), role: session.role } : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type Viewer = { kind: string; role?: string | null } | null | undefined;
const office = (v: Viewer) => v?.kind === "staff" && v.role !== "member";
const staff = (v: Viewer) => v?.kind === "staff";

/** The main menu: [path, label, who sees it]. Settings pages are listed on /settings. */
const NAV: [string, string, (v: Viewer) => boolean][] = [
  ["/home", "Home", staff],
  ["/pipeline", "Pipeline", office],
  ["/workshops", "Workshops", office],
  ["/offers", "Offers", office],
  ["/analytics", "Funnel", office],
  ["/shadow", "Shadow shifts", staff],
  ["/teams", "Teams", staff],
  ["/vacancies", "Vacancies", (v) => staff(v) && (v?.role === "lead" || v?.role === "admin")],
  ["/settings", "Settings", (v) => staff(v) && (v?.role === "lead" || v?.role === "admin")],
  ["/account/password", "Password", staff],
  ["/me", "My applications", (v) => v?.kind === "candidate"],
];

function Header() {
  const data = useLoaderData<typeof loader>();
  const viewer = data?.viewer;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Circle Hire
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.filter(([, , who]) => who(viewer)).map(([to, label]) => (
            <li key={to}>
              <Link to={to}>{label}</Link>
            </li>
          ))}
          {viewer ? (
            <li>
              <form method="post" action="/sign-out">
                <button type="submit" className="link-button">
                  Sign out <span className="visually-hidden">{viewer.name}</span>
                </button>
              </form>
            </li>
          ) : (
            <li>
              <Link to="/sign-in">Staff sign in</Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}

function ConfirmBanner() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  if (!data?.unconfirmed) return null;
  const sent = new URLSearchParams(location.search).get("confirmSent");
  return (
    <section className="notice banner" aria-label="Confirm your email">
      <p>
        Confirm your email address to publish vacancies: use the link we emailed you.
        {sent === "1"
          ? " We have sent a new link."
          : sent === "wait"
            ? " You have asked for several links: wait an hour, then try again."
            : ""}
      </p>
      <form method="post" action="/start/resend">
        <input type="hidden" name="redirectTo" value={location.pathname} />
        <button type="submit" className="link-button">
          Email me a new link
        </button>
      </form>
    </section>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <ConfirmBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = errorStatus(error);
  const message =
    status === 404
      ? "We could not find that page. It may have moved, or the link may be wrong."
      : status === 403
        ? "You do not have access to this page."
        : isRouteErrorResponse(error) && typeof error.data === "string"
          ? error.data
          : "Something went wrong on our side. Please try again in a moment.";
  // In the browser only: on the server, entry.server.tsx's handleError has logged it already.
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <main id="main" className="narrow">
      <h1>{errorHeading(status)}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </main>
  );
}
