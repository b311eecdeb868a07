import type { SerializeFrom } from "@remix-run/node";
import { TableWrap } from "./table-wrap.js";
import { CHOICE_LABELS, OUTCOME_LABELS } from "#app/domain/votes/decision.js";
import type { findVoteResults } from "#app/domain/votes/vote-view.server.js";

type Results = NonNullable<SerializeFrom<Awaited<ReturnType<typeof findVoteResults>>>>;

/** A closed vote's result: the tally, the comments, and names only for an open vote. */
export function VoteResults({ results, headingLevel = 2 }: { results: Results; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const r = results.result;
  return (
    <section aria-labelledby="vote-result-title">
      <Heading id="vote-result-title">Result: {OUTCOME_LABELS[results.outcome]}</Heading>
      <p>
        {r.cast} of {r.eligible} eligible member{r.eligible === 1 ? "" : "s"} voted ({r.required} needed).
      </p>
      <TableWrap label="Votes cast">
        <table>
          <caption className="visually-hidden">Votes cast</caption>
          <thead>
            <tr>
              <th scope="col">Choice</th>
              <th scope="col">Votes</th>
            </tr>
          </thead>
          <tbody>
            {(["yes", "no", "concern"] as const).map((choice) => (
              <tr key={choice}>
                <th scope="row">{CHOICE_LABELS[choice]}</th>
                <td>{r[choice]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {results.recordedForOthers ? (
        <p className="muted">
          {results.recordedForOthers} vote{results.recordedForOthers === 1 ? " was" : "s were"} recorded by a coordinator on a member's
          behalf.
        </p>
      ) : null}
      {results.names ? (
        <>
          <Heading>Who voted how</Heading>
          <ul>
            {results.names.map((n) => (
              <li key={n.name}>
                {n.name}: {CHOICE_LABELS[n.choice]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {results.comments.length ? (
        <>
          <Heading>Comments</Heading>
          <ul className="list-plain">
            {results.comments.map((c) => (
              <li key={`${c.choice}-${c.name}-${c.comment}`} className="card">
                <strong>{CHOICE_LABELS[c.choice]}</strong>
                {c.name ? ` (${c.name})` : ""}: {c.comment}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nobody left a comment.</p>
      )}
    </section>
  );
}
