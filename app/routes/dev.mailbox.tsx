import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getServerEnv, isDevMailboxEnabled } from "#app/env.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { formatUk } from "#app/domain/dates.js";

export const meta: MetaFunction = () => [{ title: "Dev mailbox" }];

/** Development only: every email the app sent to the local capture server. 404 in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!isDevMailboxEnabled()) throw new Response("Not found", { status: 404 });
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const messages = await fetchCaptured(getServerEnv().DEV_MAILBOX_URL as string, to);
  return {
    to: to ?? "",
    messages: messages.map((m) => ({ ...m, links: [...m.html.matchAll(/href="([^"]+)"/g)].map((x) => x[1].replaceAll("&amp;", "&")) })),
  };
}

export default function DevMailbox() {
  const { messages, to } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dev mailbox</h1>
      <p className="lede">Every email the app sent, newest first. This page exists only in development.</p>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="to">Sent to</label>
          <input id="to" name="to" type="email" defaultValue={to} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </form>
      {messages.length === 0 ? <p>No emails yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <ul className="meta">
            <li>To: {m.to.join(", ")}</li>
            <li>From: {m.from}</li>
            {m.replyTo?.length ? <li>Reply-To: {m.replyTo.join(", ")}</li> : null}
            <li>{formatUk(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}</li>
          </ul>
          <div className="mail-body">{m.text}</div>
          {m.links.length ? (
            <ul>
              {m.links.map((href) => (
                <li key={href}>
                  <Link to={href.replace(/^https?:\/\/[^/]+/, "")} reloadDocument>
                    Open link: {href}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </>
  );
}
