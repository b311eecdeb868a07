import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

/** Emails to team members and leads about a team vote. None of them says how anyone voted. */
export type VoteNoticeProps = {
  variant: "opened" | "reminder" | "recorded" | "outcome" | "cancelled";
  name: string;
  orgName: string;
  candidateName: string;
  jobTitle: string;
  teamName: string;
  /** "Monday 30 November, 10:00". */
  closes: string;
  buttonUrl: string;
  /** recorded: who recorded it and what they recorded (the member's own vote). */
  recordedBy?: string;
  recordedChoice?: string;
  /** outcome: the result in numbers, and what happens next. */
  outcome?: string;
  nextStep?: string;
};

export const subject = (p: VoteNoticeProps) =>
  ({
    opened: `Your team's vote: should ${p.candidateName} join ${p.teamName}?`,
    reminder: `Reminder: the vote on ${p.candidateName} closes ${p.closes}`,
    recorded: `Please check the vote recorded for you on ${p.candidateName}`,
    outcome: `The team vote on ${p.candidateName} has closed`,
    // Sent after the person's data was erased: it names nobody.
    cancelled: `A team vote has been cancelled`,
  })[p.variant];

export default function VoteNotice(p: VoteNoticeProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.variant === "opened" ? (
        <>
          <Text
            style={textStyle}
          >{`${p.candidateName} has done a shadow shift with ${p.teamName} for the ${p.jobTitle} role. The team decides whether they join.`}</Text>
          <Text
            style={textStyle}
          >{`Everything you need is on one page: their values survey, workshop scores, the shadow shift feedback, and what this hire would do to your team's mix. Vote Yes, No, or say you have a concern. You can change your vote until the vote closes on ${p.closes}. Nobody sees how anyone voted until then.`}</Text>
          <Text
            style={textStyle}
          >{`If you are a relative or friend of ${p.candidateName}, say so on the page and you will not be asked to vote.`}</Text>
          <Button href={p.buttonUrl} style={buttonStyle}>{`See the candidate and vote`}</Button>
        </>
      ) : null}
      {p.variant === "cancelled" ? (
        <>
          <Text
            style={textStyle}
          >{`The team vote on an applicant for the ${p.jobTitle} role in ${p.teamName} has been cancelled. You do not need to do anything.`}</Text>
          <Text style={textStyle}>{`Any vote you gave has been set aside.`}</Text>
        </>
      ) : null}
      {p.variant === "reminder" ? (
        <>
          <Text style={textStyle}>{`You have not voted on ${p.candidateName} yet. The vote closes on ${p.closes}.`}</Text>
          <Button href={p.buttonUrl} style={buttonStyle}>{`Vote now`}</Button>
          <Text style={textStyle}>{`On shift without your phone? Ask your coordinator to record your vote for you.`}</Text>
        </>
      ) : null}
      {p.variant === "recorded" ? (
        <>
          <Text style={textStyle}>{`${p.recordedBy} recorded your vote on ${p.candidateName} for you: "${p.recordedChoice}".`}</Text>
          <Text
            style={textStyle}
          >{`Please check it is what you meant. You can confirm it or change it until the vote closes on ${p.closes}.`}</Text>
          <Button href={p.buttonUrl} style={buttonStyle}>{`Confirm or change my vote`}</Button>
        </>
      ) : null}
      {p.variant === "outcome" ? (
        <>
          <Text style={textStyle}>{`The team vote on ${p.candidateName} for ${p.teamName} has closed. ${p.outcome}`}</Text>
          {p.nextStep ? <Text style={textStyle}>{p.nextStep}</Text> : null}
          <Button href={p.buttonUrl} style={buttonStyle}>{`See the result`}</Button>
        </>
      ) : null}
    </EmailLayout>
  );
}

VoteNotice.PreviewProps = {
  variant: "opened",
  name: "Sam",
  orgName: "Oakfield Home Care",
  candidateName: "Olivia Grant",
  jobTitle: "Care and support worker",
  teamName: "Ashdown",
  closes: "Monday 30 November, 10:00",
  buttonUrl: "http://localhost:3000/vote/example",
} satisfies VoteNoticeProps;
