import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

/** Telling a candidate how their application ended: declined by the organisation, or withdrawn by them. */
export type ApplicationOutcomeProps = {
  variant: "declined" | "withdrawn";
  name: string;
  orgName: string;
  jobTitle: string;
  /** declined: the organisation's words for the stage. */
  words?: string;
  /** declined: a line the lead added, if any. */
  personalLine?: string;
  jobsUrl: string;
};

export const subject = (p: ApplicationOutcomeProps) =>
  p.variant === "declined" ? `Your application for ${p.jobTitle}` : `You have withdrawn your application for ${p.jobTitle}`;

export default function ApplicationOutcome(p: ApplicationOutcomeProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.variant === "declined" ? (
        <>
          <Text style={textStyle}>{p.words ?? ""}</Text>
          {p.personalLine ? <Text style={textStyle}>{p.personalLine}</Text> : null}
          <Text style={textStyle}>{`We wish you well. You are welcome to apply for other jobs with ${p.orgName}.`}</Text>
        </>
      ) : (
        <>
          <Text style={textStyle}>{`You have withdrawn your application for ${p.jobTitle}. We will not contact you about it again.`}</Text>
          <Text style={textStyle}>{`Thank you for your time. You are welcome to apply again whenever you are ready.`}</Text>
        </>
      )}
      <Button href={p.jobsUrl} style={buttonStyle}>{`See our jobs`}</Button>
    </EmailLayout>
  );
}

ApplicationOutcome.PreviewProps = {
  variant: "declined",
  name: "Sam",
  orgName: "Oakfield Home Care",
  jobTitle: "Care and support worker",
  words: "Thank you for coming to our workshop. We enjoyed meeting you. This time we will not take your application further.",
  personalLine: "You were great with the group. Do look at our jobs again in the spring.",
  jobsUrl: "http://localhost:3000/o/oakfield/jobs",
} satisfies ApplicationOutcomeProps;
