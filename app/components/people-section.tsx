import type { ReactNode } from "react";
import { formatPercent } from "#app/domain/analytics/dashboard.js";
import { SUPPRESSED_TEXT } from "#app/domain/analytics/people.js";
import type { People } from "#app/domain/analytics/people.server.js";
import { TableWrap } from "./table-wrap.js";

/**
 * The funnel dashboard's "People" section: the voluntary monitoring answers and location, in
 * aggregate only. Groups under 5 people (and any group that could be worked out from them) show
 * "fewer than 5" and no numbers: the loader never sends them.
 */
export function PeopleSection({ people, csvLink }: { people: People; csvLink: ReactNode }) {
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <p className="hint">
        From the optional equal opportunities questions candidates can answer after applying, and the place they gave. Only groups of{" "}
        {people.minGroup} or more people are shown; a smaller group, and any group its number could be worked out from, says "
        {SUPPRESSED_TEXT}". Hire rate: the share of the group's applications that led to someone starting.
      </p>
      {people.questions.map((q) => (
        <div key={q.key} className="card">
          <h3 id={`people-${q.key}`}>{q.topic}</h3>
          <p>
            {q.hotspot
              ? `Hotspot: ${q.hotspot.label}, ${formatPercent(q.hotspot.hireRate)} hired against ${formatPercent(q.overallHireRate)} overall.`
              : `No group shown has a hire rate below the overall ${formatPercent(q.overallHireRate)}.`}
          </p>
          <TableWrap label={`People by ${q.topic.toLowerCase()}`}>
            <table>
              <caption className="visually-hidden">Applications, workshop attendance and hires by {q.topic.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Applications</th>
                  <th scope="col">Came to a workshop</th>
                  <th scope="col">Hired</th>
                  <th scope="col">Hire rate</th>
                </tr>
              </thead>
              <tbody>
                {q.groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.label}</th>
                    {g.suppressed ? (
                      <td colSpan={4}>{SUPPRESSED_TEXT}</td>
                    ) : (
                      <>
                        <td>{g.applications}</td>
                        <td>{g.attended}</td>
                        <td>{g.hired}</td>
                        <td>{formatPercent(g.hireRate)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      ))}
      {csvLink}
    </section>
  );
}
