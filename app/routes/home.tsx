import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { issueOwnVoteLink, loadMemberHome } from "#app/domain/home/member-home.server.js";
import { VoteError } from "#app/domain/votes/vote.errors.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { readForm } from "#app/utils/form.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Your home page" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const home = await scoped((trx) => loadMemberHome(trx, staff.userId));
  return { ...home, name: staff.name };
}

/** "Open the vote": a fresh personal voting link for the signed-in member, then the vote page. */
export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request);
  const form = await readForm(request);
  const voteId = requireUuid(String(form.get("voteId") ?? ""));
  try {
    return redirect(await run(({ trx }) => issueOwnVoteLink(trx, staff.userId, voteId)));
  } catch (error) {
    if (error instanceof VoteError) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export default function Home() {
  const { name, isMember, votes, callsToMake, upcomingShifts, feedbackOwed } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Hello, {name}</h1>
      <p className="lede">What is yours to do: votes, shadow shifts you host and feedback you owe.</p>
      {!isMember ? <p>You are not in a team, so there are no votes or shadow shifts for you here.</p> : null}

      <section aria-labelledby="votes-title">
        <h2 id="votes-title">Votes waiting for you</h2>
        {votes.length === 0 ? (
          <p>There are no open votes for you right now. When your team votes on a new person, it will show here.</p>
        ) : (
          <ul className="list-plain stack">
            {votes.map((v) => (
              <li key={v.voteId} className="card">
                <p>
                  <strong>
                    Should {v.candidateName} join {v.teamName}?
                  </strong>
                </p>
                <p>
                  Voting closes on {v.closes}.{" "}
                  {v.voted ? "You have voted. You can change your vote until then." : "You have not voted yet."}
                </p>
                <Form method="post">
                  <input type="hidden" name="voteId" value={v.voteId} />
                  <button type="submit" className="button">
                    {v.voted ? "See or change my vote" : "Vote"}
                    <span className="visually-hidden"> on {v.candidateName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      {callsToMake.length ? (
        <section aria-labelledby="calls-title">
          <h2 id="calls-title">Calls to make as a buddy</h2>
          <ul className="list-plain stack">
            {callsToMake.map((c) => (
              <li key={c.id} className="card">
                <p>
                  Give {c.personName} a ring (week {c.week}, due {c.due}). Phone: {c.phone}
                </p>
                <Link to={`/pipeline/${c.applicationId}#kit-title`}>
                  Mark the call as done<span className="visually-hidden"> for {c.personName}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">Feedback you owe</h2>
        {feedbackOwed.length === 0 ? (
          <p>You owe no feedback on shadow shifts.</p>
        ) : (
          <ul className="list-plain stack">
            {feedbackOwed.map((s) => (
              <li key={s.id} className="card">
                <p>
                  {s.candidateFirstName}'s shadow shift, {s.when}.
                </p>
                <Link to={`/shadow/${s.id}/feedback`}>
                  Give feedback<span className="visually-hidden"> on {s.candidateFirstName}'s shift</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="shifts-title">
        <h2 id="shifts-title">Shadow shifts you host</h2>
        {upcomingShifts.length === 0 ? (
          <p>You have no shadow shifts coming up.</p>
        ) : (
          <ul className="list-plain stack">
            {upcomingShifts.map((s) => (
              <li key={s.id} className="card">
                <p>
                  <strong>{s.when}</strong> (UK time), {s.teamName}
                </p>
                <p>
                  {s.candidateFirstName ? `With ${s.candidateFirstName}. ` : ""}
                  {s.status}. Meeting point: {s.meetingPoint}.
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/shadow">All shadow shifts, and offer a time</Link>
        </p>
      </section>
    </div>
  );
}
