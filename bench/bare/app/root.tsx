import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

// The same layout as app/root.tsx (header, menu, main), with a root loader that reads nothing,
// as the real one reads nothing for a visitor without a session cookie.
export async function loader() {
  return { viewer: null as null | { name: string } };
}

export function Layout({ children }: { children: ReactNode }) {
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
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          Circle Hire
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>{data.viewer ? data.viewer.name : <Link to="/sign-in">Staff sign in</Link>}</li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
