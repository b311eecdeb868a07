import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type AlreadyAppliedProps = { name: string; jobTitle: string; orgName: string; signInUrl: string; minutes: number };

export const subject = (p: AlreadyAppliedProps) => `You have already applied for ${p.jobTitle}`;

export default function AlreadyApplied(p: AlreadyAppliedProps) {
  return (
    <EmailLayout preview={`Your application is safe`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text
        style={textStyle}
      >{`Someone (probably you) just applied again for ${p.jobTitle} with ${p.orgName}. You only need to apply once, so we have kept your first application as it was.`}</Text>
      <Button href={p.signInUrl} style={buttonStyle}>{`See my application`}</Button>
      <Text style={textStyle}>{`This button works once, for ${p.minutes} minutes.`}</Text>
    </EmailLayout>
  );
}

AlreadyApplied.PreviewProps = {
  name: "Sam",
  jobTitle: "Care and support worker",
  orgName: "Oakfield Home Care",
  signInUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies AlreadyAppliedProps;
