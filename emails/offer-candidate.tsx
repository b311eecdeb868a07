import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type OfferCandidateVariant = "made" | "moved";

export type OfferCandidateProps = {
  variant: OfferCandidateVariant;
  name: string;
  orgName: string;
  roleTitle: string;
  hours: string;
  pay: string;
  /** "Monday 4 January 2027" */
  startDate: string;
  teamName: string;
  buddyName: string | null;
  url: string;
  minutes: number;
};

const SUBJECTS: Record<OfferCandidateVariant, (p: OfferCandidateProps) => string> = {
  made: (p) => `We would like to offer you the job: ${p.roleTitle}`,
  moved: (p) => `Your start date has changed: ${p.startDate}`,
};

export const subject = (p: OfferCandidateProps) => SUBJECTS[p.variant](p);

const INTRO: Record<OfferCandidateVariant, (p: OfferCandidateProps) => string> = {
  made: (p) =>
    `Good news: the ${p.teamName} team would like you to join them. Here is what we are offering. Please tell us if you accept, or if you would rather not.`,
  moved: () => "We have changed the day you start with us. Everything else stays the same.",
};

export default function OfferCandidate(p: OfferCandidateProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{INTRO[p.variant](p)}</Text>
      <Text style={textStyle}>{`Role: ${p.roleTitle}`}</Text>
      <Text style={textStyle}>{`Hours: ${p.hours}`}</Text>
      <Text style={textStyle}>{`Pay: ${p.pay}`}</Text>
      <Text style={textStyle}>{`Start date: ${p.startDate}`}</Text>
      <Text style={textStyle}>{`Team: ${p.teamName}`}</Text>
      {p.buddyName ? <Text style={textStyle}>{`Your buddy in the team: ${p.buddyName}`}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        {p.variant === "made" ? "Accept or decline the offer" : "See your offer"}
      </Button>
      <Text style={textStyle}>{`This button works once, for ${p.minutes} minutes.`}</Text>
    </EmailLayout>
  );
}

OfferCandidate.PreviewProps = {
  variant: "made",
  name: "Sam",
  orgName: "Oakfield Home Care",
  roleTitle: "Care and support worker",
  hours: "24 hours a week, mostly mornings",
  pay: "£12.60 an hour",
  startDate: "Monday 4 January 2027",
  teamName: "Ashdown",
  buddyName: "Grace",
  url: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies OfferCandidateProps;
