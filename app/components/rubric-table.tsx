type Criterion = { key: string; criterion: string; value: string; levels: Record<string, string> };

/** An exercise's rubric: each criterion, the value it shows, and what each score from 1 to 4 means. */
export function RubricTable({
  rubric,
  caption,
  valueLabel = (v) => v,
}: {
  rubric: Criterion[];
  caption: string;
  valueLabel?: (value: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">1</th>
            <th scope="col">2</th>
            <th scope="col">3</th>
            <th scope="col">4</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {c.criterion}
                <div className="muted">{valueLabel(c.value)}</div>
              </th>
              <td>{c.levels["1"]}</td>
              <td>{c.levels["2"]}</td>
              <td>{c.levels["3"]}</td>
              <td>{c.levels["4"]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
