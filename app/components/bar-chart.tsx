/**
 * A horizontal bar chart drawn on the server as SVG: it reads without JavaScript, and the same
 * numbers are in a table next to it (for screen readers and for people who prefer numbers).
 */
export function BarChart({ title, rows }: { title: string; rows: { label: string; value: number; display: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 300;
  const height = rows.length * rowHeight + 8;
  return (
    <svg
      viewBox={`0 0 ${labelWidth + barWidth + 90} ${height}`}
      width="100%"
      role="img"
      aria-label={`${title}: the same numbers are in the table`}
      className="bar-chart"
    >
      {rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const w = Math.max(1, (r.value / max) * barWidth);
        return (
          <g key={r.label}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13">
              {r.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 10} fill="#1f5f4a" />
            <text x={labelWidth + w + 6} y={y + 18} fontSize="13">
              {r.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
