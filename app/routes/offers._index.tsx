import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listChecks, listOffersForLeads } from "#db/queries/offers.js";
import { listTouchpointsForOffers } from "#db/queries/touchpoints.js";
import { describeTouchpoint } from "#app/domain/offers/touchpoint-status.js";
import { formatUkDay, isStalled, STALLED_AFTER_DAYS } from "#app/domain/offers/offer-rules.js";
import { CHECK_KINDS, CHECK_STATUSES, OFFER_STATUS_LABELS } from "#app/domain/offers/offer.schema.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { AdjustmentsLine } from "#app/components/adjustments.js";

export const meta: MetaFunction = () => [{ title: "Offers" }];

/** Accepted offers (and recent ones) with their start dates and pre-start checks, stalled ones first to the eye. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const now = new Date();
  return scoped(async (trx) => {
    const offers = await listOffersForLeads(trx);
    const ids = offers.map((o) => o.id);
    const [checks, touchpoints] = await Promise.all([listChecks(trx, ids), listTouchpointsForOffers(trx, ids)]);
    return {
      offers: offers.map((o) => {
        const mine = checks
          .filter((c) => c.offerId === o.id)
          .map((c) => ({ kind: c.kind, status: c.status, stalled: o.status === "accepted" && isStalled(c, now) }));
        return {
          id: o.id,
          applicationId: o.applicationId,
          fullName: o.fullName,
          adjustments: o.adjustments,
          adjustmentsNote: o.adjustmentsNote,
          teamName: o.teamName,
          status: o.status,
          startDate: o.startDate,
          checks: mine,
          stalled: mine.filter((c) => c.stalled).length,
          // Keeping in touch: the next contact planned, and the buddy calls not marked done in time.
          ...keepingInTouch(
            touchpoints.filter((t) => t.offerId === o.id).map((t) => ({ ...describeTouchpoint(t, now), due: t.dueAt })),
            now,
          ),
        };
      }),
    };
  });
}

function keepingInTouch(plan: { what: string; state: string; due: Date }[], now: Date) {
  const next = plan.find((t) => t.state === "planned" && new Date(t.due).getTime() > now.getTime());
  return { nextContact: next ? { what: next.what, due: next.due } : null, overdueCalls: plan.filter((t) => t.state === "overdue").length };
}

export default function OffersPage() {
  const { offers } = useLoaderData<typeof loader>();
  const accepted = offers.filter((o) => o.status === "accepted");
  const others = offers.filter((o) => o.status !== "accepted");
  const stalled = accepted.reduce((n, o) => n + o.stalled, 0);
  const table = (rows: typeof offers, caption: string) => (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Team</th>
            <th scope="col">Start date</th>
            <th scope="col">Status</th>
            <th scope="col">Pre-start checks</th>
            <th scope="col">Keeping in touch</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className={o.stalled ? "stalled" : undefined}>
              <th scope="row">
                <Link to={`/pipeline/${o.applicationId}#offer-title`}>{o.fullName}</Link>
                <AdjustmentsLine adjustments={o.adjustments} note={o.adjustmentsNote} />
              </th>
              <td>{o.teamName}</td>
              <td>{formatUkDay(o.startDate)}</td>
              <td>{OFFER_STATUS_LABELS[o.status]}</td>
              <td>
                <ul className="plain">
                  {o.checks.map((c) => (
                    <li key={c.kind}>
                      {CHECK_KINDS[c.kind]}: {CHECK_STATUSES[c.status]}
                      {c.stalled ? (
                        <>
                          {" "}
                          <span className="tag alert">Stalled</span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {o.nextContact ? (
                  <p>
                    Next: {o.nextContact.what}, {formatUkDay(String(o.nextContact.due).slice(0, 10))}
                  </p>
                ) : (
                  <p className="muted">Nothing planned</p>
                )}
                {o.overdueCalls ? (
                  <p>
                    <span className="tag alert">
                      {o.overdueCalls} buddy call{o.overdueCalls === 1 ? "" : "s"} overdue
                    </span>
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <h1>Offers</h1>
      <p className="lede">
        {accepted.length} accepted and waiting to start.{" "}
        {stalled
          ? `${stalled} check${stalled === 1 ? " has" : "s have"} not moved for more than ${STALLED_AFTER_DAYS} days.`
          : "No stalled checks."}
      </p>
      {accepted.length ? table(accepted, "Accepted, waiting to start") : <p>No accepted offers waiting to start.</p>}
      {others.length ? table(others, "Other offers (waiting for an answer, or from the last 90 days)") : null}
    </>
  );
}
