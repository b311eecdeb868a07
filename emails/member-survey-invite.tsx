import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type MemberSurveyInviteProps = { name: string; teamName: string; orgName: string; surveyUrl: string; days: number };

export const subject = (p: MemberSurveyInviteProps) => `Help shape who joins ${p.teamName}`;

export default function MemberSurveyInvite(p: MemberSurveyInviteProps) {
  return (
    <EmailLayout preview={`Take the values survey for your team`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>
        {`Your team decides who joins it. To help, please take the same values survey that people applying take. Your answers, with your team's, show what ${p.teamName} is like, so you can see how each new person would fit.`}
      </Text>
      <Text style={textStyle}>{`Nobody sees your own answers: only the team's average, once at least 3 people have answered.`}</Text>
      <Button href={p.surveyUrl} style={buttonStyle}>{`Take the survey`}</Button>
      <Text style={textStyle}>{`This link is just for you and works for ${p.days} days.`}</Text>
    </EmailLayout>
  );
}

MemberSurveyInvite.PreviewProps = {
  name: "Sam",
  teamName: "Ashdown",
  orgName: "Oakfield Home Care",
  surveyUrl: "http://localhost:3000/team-survey/example",
  days: 14,
} satisfies MemberSurveyInviteProps;
