export type ChartRow = { key: string; name: string; candidate: number | null; team: number | null; organisation: number | null };
import { TableWrap } from "./table-wrap.js";

const SERIES = [
  { key: "candidate", label: "Candidate", fill: "#143f31" },
  { key: "team", label: "Team average", fill: "#4f8f78" },
  { key: "organisation", label: "Organisation average", fill: "#b9a35a" },
] as const;

const BAR = 12;
const GAP = 3;
const LABEL_WIDTH = 190;
const SCALE = 2.6; // px per point: 100 points = 260 px

/**
 * A server-rendered bar chart (one group of bars per value, 0-100) that needs no JavaScript,
 * with the same numbers in a table for screen readers and for people who prefer numbers.
 */
export function ProfileChart({
  rows,
  title,
  show = ["candidate", "team", "organisation"],
}: {
  rows: ChartRow[];
  title: string;
  show?: (typeof SERIES)[number]["key"][];
}) {
  const series = SERIES.filter((s) => show.includes(s.key));
  const group = series.length * (BAR + GAP) + 12;
  const height = rows.length * group + 30;
  const width = LABEL_WIDTH + 100 * SCALE + 40;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={s.fill} />
            </svg>{" "}
            {s.label}
          </span>
        ))}
      </div>
      <div className="table-wrap">
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: the same numbers are in the table below`}>
          {[0, 50, 100].map((tick) => (
            <g key={tick}>
              <line x1={LABEL_WIDTH + tick * SCALE} x2={LABEL_WIDTH + tick * SCALE} y1={0} y2={height - 20} stroke="#c9c6bd" />
              <text x={LABEL_WIDTH + tick * SCALE} y={height - 6} textAnchor="middle">
                {tick}
              </text>
            </g>
          ))}
          {rows.map((row, i) => {
            const top = i * group + 4;
            return (
              <g key={row.key}>
                <text x={0} y={top + group / 2} dominantBaseline="middle">
                  {row.name}
                </text>
                {series.map((s, j) => {
                  const value = row[s.key];
                  const y = top + j * (BAR + GAP);
                  return value === null ? (
                    <text key={s.key} x={LABEL_WIDTH + 4} y={y + BAR - 2} className="muted">
                      no data
                    </text>
                  ) : (
                    <g key={s.key}>
                      <rect x={LABEL_WIDTH} y={y} width={Math.max(1, value * SCALE)} height={BAR} fill={s.fill} />
                      <text x={LABEL_WIDTH + value * SCALE + 4} y={y + BAR - 2}>
                        {value}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <TableWrap label={`${title}: table`}>
        <table>
          <caption className="visually-hidden">{title} (0 to 100)</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {series.map((s) => (
                  <td key={s.key}>{row[s.key] ?? "Not enough answers yet"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
