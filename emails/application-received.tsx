import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type ApplicationReceivedProps = { name: string; jobTitle: string; orgName: string; signInUrl: string; minutes: number };

export const subject = (p: ApplicationReceivedProps) => `We have your application for ${p.jobTitle}`;

export default function ApplicationReceived(p: ApplicationReceivedProps) {
  return (
    <EmailLayout preview={`Thank you for applying to ${p.orgName}`} heading={`Thank you, ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`We have your application for ${p.jobTitle} with ${p.orgName}.`}</Text>
      <Text
        style={textStyle}
      >{`The next step is a short survey about what matters to you at work. There are no right or wrong answers, and it takes about 10 minutes. You can stop and carry on later.`}</Text>
      <Button href={p.signInUrl} style={buttonStyle}>{`Start the survey`}</Button>
      <Text style={textStyle}>{`You can also see where your application is at any time from the same place.`}</Text>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. After that, the page will offer to send you a new one.`}</Text>
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = {
  name: "Sam",
  jobTitle: "Care and support worker",
  orgName: "Oakfield Home Care",
  signInUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies ApplicationReceivedProps;
