import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./styles.css";
import { useNonce } from "./utils/nonce.js";
import { getSession } from "./utils/session.server.js";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  return {
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
        <Meta />
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
  ["/pipeline", "Pipeline", office],
  ["/workshops", "Workshops", office],
  ["/offers", "Offers", office],
  ["/analytics", "Funnel", office],
  ["/shadow", "Shadow shifts", staff],
  ["/teams", "Teams", staff],
  ["/vacancies", "Vacancies", (v) => staff(v) && (v?.role === "lead" || v?.role === "admin")],
  ["/settings", "Settings", (v) => staff(v) && (v?.role === "lead" || v?.role === "admin")],
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

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
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
      <h1>{status === 404 ? "Page not found" : status === 403 ? "No access" : "Sorry, there is a problem"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </main>
  );
}
