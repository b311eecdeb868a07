import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAcceptedOfferOutcomes } from "#db/queries/dropout.js";
import { TableWrap } from "#app/components/table-wrap.js";
import { DROPOUT_BENCHMARKS, dropoutByCohort, percent } from "#app/domain/offers/dropout-rates.js";
import { listRiskFlags } from "#app/domain/offers/risk-flags.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formatDay } from "#app/domain/dates.js";

export const meta: MetaFunction = () => [{ title: "Staying close after the offer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  return scoped(async (trx) => ({
    people: await listRiskFlags(trx),
    cohorts: dropoutByCohort(await listAcceptedOfferOutcomes(trx)),
  }));
}

const longDate = (date: string) => formatDay(date);

export default function OfferRisks() {
  const { people, cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p>
        <Link to="/offers">Offers</Link>
      </p>
      <h1>Staying close after the offer</h1>
      <p className="lede">
        People who have accepted an offer, or started in the last 90 days, and show a sign that they might not start or stay.
      </p>
      <section aria-labelledby="risk-title">
        <h2 id="risk-title">Who to get in touch with</h2>
        {people.length === 0 ? <p>Nobody shows a warning sign right now.</p> : null}
        <ul className="list-plain">
          {people.map((p) => (
            <li key={p.offerId} className="card">
              <h3>
                <Link to={`/pipeline/${p.applicationId}`}>{p.name}</Link>
              </h3>
              <p className="muted">
                {p.teamName}. {p.status === "started" ? "Started" : "Starts"} {longDate(p.startDate)}.
              </p>
              <ul>
                {p.flags.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="rates-title">
        <h2 id="rates-title">Drop-out after the offer, by quarter of acceptance</h2>
        <p>
          BelleVie cut its post-offer drop-out from {percent(DROPOUT_BENCHMARKS.before)} to {percent(DROPOUT_BENCHMARKS.after)} by staying
          close to people between the offer and their first weeks.
        </p>
        {cohorts.length === 0 ? (
          <p>No offers have been accepted yet.</p>
        ) : (
          <TableWrap label="Drop-out and early leavers by quarter">
            <table>
              <caption className="visually-hidden">Post-offer drop-out and early leavers by quarter of acceptance</caption>
              <thead>
                <tr>
                  <th scope="col">Accepted in</th>
                  <th scope="col">Accepted</th>
                  <th scope="col">Withdrew</th>
                  <th scope="col">No-shows</th>
                  <th scope="col">Drop-out rate</th>
                  <th scope="col">Started</th>
                  <th scope="col">Left within 90 days</th>
                  <th scope="col">Early-leaver rate</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.cohort}>
                    <th scope="row">{c.cohort}</th>
                    <td>{c.accepted}</td>
                    <td>{c.withdrawn}</td>
                    <td>{c.noShows}</td>
                    <td>{percent(c.dropoutRate)}</td>
                    <td>{c.started}</td>
                    <td>{c.earlyLeavers}</td>
                    <td>{percent(c.earlyLeaverRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <h3>How these are worked out</h3>
        <ul>
          <li>
            <strong>Drop-out rate</strong>: people who withdrew after accepting, plus no-shows, divided by all offers accepted in the
            quarter. People still waiting to start count as accepted, so a recent quarter can still rise.
          </li>
          <li>
            <strong>No-show</strong>: recorded by a lead, or the start date passed more than 3 days ago with no start confirmed.
          </li>
          <li>
            <strong>Early-leaver rate</strong>: people who left the team within 90 days of starting, divided by everyone who started.
          </li>
        </ul>
        <p>
          <Link to="/settings/keep-in-touch">Change what the weekly keep-in-touch emails say</Link>
        </p>
      </section>
    </div>
  );
}
