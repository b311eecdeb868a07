import type { MonthPoint } from "#app/domain/teams/mix.js";
import { TableWrap } from "./table-wrap.js";

const LEFT = 44;
const TOP = 12;
const PLOT = 200; // px for 0-100%
const COL = 52;
const BAR = 30;

/**
 * A team's share of experienced members at the end of each month, against the organisation's band
 * (shaded) and target (dashed line). Server-rendered SVG that needs no JavaScript, with the same
 * numbers in a table.
 */
export function MixChart({
  points,
  band,
  title,
}: {
  points: MonthPoint[];
  band: { low: number; high: number; target: number };
  title: string;
}) {
  const width = LEFT + points.length * COL + 8;
  const height = TOP + PLOT + 40;
  const y = (percent: number) => TOP + PLOT - percent * (PLOT / 100);
  const inBand = (p: MonthPoint) =>
    p.size !== null && p.experienced !== null && p.experienced * 100 >= band.low * p.size && p.experienced * 100 <= band.high * p.size;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="table-wrap">
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: the same numbers are in the table below`}>
          <rect x={LEFT} y={y(band.high)} width={points.length * COL} height={y(band.low) - y(band.high)} fill="#dcebe4" />
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={LEFT + points.length * COL} y1={y(tick)} y2={y(tick)} stroke="#c9c6bd" />
              <text x={LEFT - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {tick}%
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT + points.length * COL} y1={y(band.target)} y2={y(band.target)} stroke="#1f5f4a" strokeDasharray="6 4" />
          {points.map((p, i) => {
            const x = LEFT + i * COL + (COL - BAR) / 2;
            return (
              <g key={p.month}>
                {p.percent === null ? (
                  <text x={x + BAR / 2} y={y(0) - 6} textAnchor="middle" className="muted">
                    –
                  </text>
                ) : (
                  <>
                    <rect
                      x={x}
                      y={y(p.percent)}
                      width={BAR}
                      height={Math.max(1, y(0) - y(p.percent))}
                      fill={inBand(p) ? "#4f8f78" : "#b9703a"}
                    />
                    <text x={x + BAR / 2} y={y(p.percent) - 4} textAnchor="middle">
                      {p.percent}
                    </text>
                  </>
                )}
                <text x={x + BAR / 2} y={TOP + PLOT + 16} textAnchor="middle">
                  {p.label.slice(0, 3)}
                </text>
                {i === 0 || p.month.endsWith("-01") ? (
                  <text x={x + BAR / 2} y={TOP + PLOT + 32} textAnchor="middle">
                    {p.month.slice(0, 4)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <p className="muted">
        Shaded: the {band.low}-{band.high}% band. Dashed line: the {band.target}% target.
      </p>
      <TableWrap label={`${title}: table`}>
        <table>
          <caption className="visually-hidden">{title}, month by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Members</th>
              <th scope="col">Experienced</th>
              <th scope="col">New to care</th>
              <th scope="col">Share experienced</th>
              <th scope="col">In the band</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.label}</th>
                <td>{p.size ?? "No record"}</td>
                <td>{p.experienced ?? "–"}</td>
                <td>{p.size === null || p.experienced === null ? "–" : p.size - p.experienced}</td>
                <td>{p.percent === null ? "–" : `${p.percent}%`}</td>
                <td>{p.percent === null ? "–" : inBand(p) ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
