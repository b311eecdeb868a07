import { Text } from "@react-email/components";
import { EmailLayout, textStyle } from "./components/layout.js";

/** A message a lead wrote to a candidate in their own words (after a team vote that did not pass). */
export type CandidateMessageProps = { name: string; orgName: string; jobTitle: string; message: string; fromName: string };

export const subject = (p: CandidateMessageProps) => `Your application for ${p.jobTitle} at ${p.orgName}`;

export default function CandidateMessage(p: CandidateMessageProps) {
  return (
    <EmailLayout preview={`A message about your application`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.message.split(/\n{2,}/).map((paragraph) => (
        <Text key={paragraph} style={{ ...textStyle, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Text style={textStyle}>{`${p.fromName}, ${p.orgName}`}</Text>
    </EmailLayout>
  );
}

CandidateMessage.PreviewProps = {
  name: "Olivia",
  orgName: "Oakfield Home Care",
  jobTitle: "Care and support worker",
  message: "Thank you for spending a shift with the Ashdown team.\n\nThe team has decided not to go ahead this time.",
  fromName: "Lena Hart",
} satisfies CandidateMessageProps;
