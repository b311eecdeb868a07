import type { ReactNode } from "react";
import { formatPercent } from "#app/domain/analytics/dashboard.js";
import { SUPPRESSED_TEXT } from "#app/domain/analytics/people.js";
import type { People } from "#app/domain/analytics/people.server.js";
import { TableWrap } from "./table-wrap.js";

/**
 * The "People" figures: the voluntary monitoring answers and location, in aggregate only. A group
 * or a count hidden by the rule in people.ts shows "fewer than 5" and no number: the loader never
 * sends it (a hidden count is null), and a hire rate is shown only with its hired count.
 */
export function PeopleSection({ people, csvLink }: { people: People; csvLink: ReactNode }) {
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <p className="hint">
        From the optional equal opportunities questions candidates can answer after applying, and the place they gave. To keep everyone's
        answers private, a group is shown only with at least {people.minGroup} applications, and its workshop and hire numbers only when at
        least {people.minGroup} people in it did and at least {people.minGroup} did not. A number is also hidden when it is everyone's (for
        example, when every person hired gave the same answer), or when a hidden number could be worked out from it and the totals on the
        funnel dashboard. Hidden numbers say "{SUPPRESSED_TEXT}", though a few of them are larger.
      </p>
      <p className="hint">
        Hire rate: the share of the group's applications that led to someone starting, shown only when the number hired is.
      </p>
      {people.questions.map((q) => (
        <div key={q.key} className="card">
          <h3 id={`people-${q.key}`}>{q.topic}</h3>
          <p>
            {q.hotspot
              ? `Hotspot: ${q.hotspot.label}, ${formatPercent(q.hotspot.hireRate)} hired against ${formatPercent(q.overallHireRate)} overall.`
              : q.groups.some((g) => !g.suppressed && g.hireRate !== null)
                ? `No group whose hire rate is shown is below the overall ${formatPercent(q.overallHireRate)}.`
                : `No group's hire rate can be shown; overall it is ${formatPercent(q.overallHireRate)}.`}
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
                        <td>{g.attended ?? SUPPRESSED_TEXT}</td>
                        <td>{g.hired ?? SUPPRESSED_TEXT}</td>
                        <td>{g.hired === null ? "not shown" : formatPercent(g.hireRate)}</td>
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
