import { CONTRACT_TYPES, paragraphs, payText } from "#app/domain/vacancies/vacancy-text.js";
import { formatDay } from "#app/domain/dates.js";

type Details = {
  title: string;
  teamName: string;
  town: string;
  postcode: string | null;
  hours: string;
  summary: string;
  description: string;
  payMinPence: number | null;
  payMaxPence: number | null;
  contractType: string | null;
  closesOn: string | null;
};

/** A vacancy as a candidate reads it: the careers page and the lead's preview share it. */
export function VacancyDetails({ vacancy, headingLevel = 1 }: { vacancy: Details; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const pay = payText(vacancy.payMinPence, vacancy.payMaxPence);
  return (
    <>
      <Heading>{vacancy.title}</Heading>
      <ul className="meta" aria-label="About this job">
        <li>Team: {vacancy.teamName}</li>
        <li>
          {vacancy.town}
          {vacancy.postcode ? `, ${vacancy.postcode}` : ""}
        </li>
        <li>{vacancy.hours}</li>
        {pay ? <li>{pay}</li> : null}
        {vacancy.contractType ? <li>{CONTRACT_TYPES[vacancy.contractType as keyof typeof CONTRACT_TYPES]}</li> : null}
        {vacancy.closesOn ? <li>Apply by {formatDay(vacancy.closesOn)}</li> : null}
      </ul>
      <p className="lede">{vacancy.summary}</p>
      {paragraphs(vacancy.description).map((p) => (
        <p key={p}>{p}</p>
      ))}
    </>
  );
}
