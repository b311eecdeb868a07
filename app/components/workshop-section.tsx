import type { SerializeFrom } from "@remix-run/node";
import { TableWrap } from "./table-wrap.js";
import type { findWorkshopResult } from "#app/domain/workshops/assessor-scores.server.js";

type WorkshopResult = SerializeFrom<Awaited<ReturnType<typeof findWorkshopResult>>>;

/** A candidate's workshop result: submitted assessors' mean scores per value (or why they are hidden). */
export function WorkshopSection({ workshop }: { workshop: WorkshopResult }) {
  return (
    <section aria-labelledby="workshop-title">
      <h2 id="workshop-title">Workshop</h2>
      {!workshop ? <p>Has not attended a workshop yet.</p> : null}
      {workshop?.hidden ? <p>You assessed their workshop: submit your own scores to see the others'.</p> : null}
      {workshop && !workshop.hidden ? (
        workshop.overall === null ? (
          <p>Attended{workshop.attendance === "late" ? " (late)" : ""}. No assessor has submitted scores yet.</p>
        ) : (
          <>
            <p>
              Overall workshop score <strong>{workshop.overall}</strong> out of 4, from {workshop.assessors} assessor
              {workshop.assessors === 1 ? "" : "s"}.
              {workshop.disagreements ? ` Assessors differ by 2 or more on ${workshop.disagreements} criteria.` : ""}
            </p>
            <TableWrap label="Workshop scores per value">
              <table>
                <caption className="visually-hidden">Workshop score per value, out of 4</caption>
                <thead>
                  <tr>
                    <th scope="col">Value</th>
                    <th scope="col">Mean score (1-4)</th>
                  </tr>
                </thead>
                <tbody>
                  {workshop.values.map((v) => (
                    <tr key={v.value}>
                      <th scope="row">{v.value[0].toUpperCase() + v.value.slice(1)}</th>
                      <td>{v.mean}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {workshop.notes.length ? (
              <>
                <h3>Assessors' notes</h3>
                <ul>
                  {workshop.notes.map((n) => (
                    <li key={`${n.exercise}-${n.criterion}-${n.note}`}>
                      <strong>
                        {n.exercise}, {n.criterion}:
                      </strong>{" "}
                      {n.note}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
