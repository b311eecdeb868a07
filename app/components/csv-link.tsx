import { useLocation } from "@remix-run/react";

/** Downloads one section of the funnel dashboard as CSV, with the page's filters. */
export function CsvLink({ section, label }: { section: string; label: string }) {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  params.set("section", section);
  return (
    <a href={`/analytics.csv?${params}`} download={`${section}.csv`}>
      Download {label} as CSV
    </a>
  );
}
