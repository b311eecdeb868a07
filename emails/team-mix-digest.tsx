import { Button, Section, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type TeamMixDigestProps = {
  name: string;
  orgName: string;
  /** "Monday 23 November 2026" */
  week: string;
  alerts: { teamName: string; title: string; text: string }[];
  teamsUrl: string;
};

export const subject = (p: TeamMixDigestProps) =>
  p.alerts.length === 0
    ? `Teams this week: nothing needs you`
    : `Teams this week: ${p.alerts.length} thing${p.alerts.length === 1 ? "" : "s"} to look at`;

export default function TeamMixDigest(p: TeamMixDigestProps) {
  return (
    <EmailLayout preview={`Your teams' mix and size, week of ${p.week}`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`Your teams' mix and size, for the week of ${p.week}.`}</Text>
      {p.alerts.length === 0 ? (
        <Text style={textStyle}>{`Everything raised earlier has been resolved since.`}</Text>
      ) : (
        p.alerts.map((a) => (
          <Section key={`${a.teamName}-${a.title}`}>
            <Text style={{ ...textStyle, fontWeight: 700, marginBottom: 0 }}>{`${a.teamName}: ${a.title}`}</Text>
            <Text style={{ ...textStyle, marginTop: 0 }}>{a.text}</Text>
          </Section>
        ))
      )}
      <Button href={p.teamsUrl} style={buttonStyle}>{`Open your teams`}</Button>
    </EmailLayout>
  );
}

TeamMixDigest.PreviewProps = {
  name: "Lena",
  orgName: "Oakfield Home Care",
  week: "Monday 23 November 2026",
  alerts: [
    {
      teamName: "Brookfield",
      title: "Mix outside the band",
      text: "27% experienced, outside the 40-60% band: the next hire should be an experienced person.",
    },
    { teamName: "Dunmore", title: "Time to plan a split", text: "12 members: time to plan a split into two teams." },
  ],
  teamsUrl: "http://localhost:3000/teams",
} satisfies TeamMixDigestProps;
