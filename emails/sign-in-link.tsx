import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type SignInLinkProps = { name: string; orgName: string; signInUrl: string; minutes: number };

export const subject = (p: SignInLinkProps) => `Your sign-in link for ${p.orgName}`;

export default function SignInLink(p: SignInLinkProps) {
  return (
    <EmailLayout preview={`Sign in to see your application`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`Here is your link to see your application with ${p.orgName}.`}</Text>
      <Button href={p.signInUrl} style={buttonStyle}>{`Sign in`}</Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. If you did not ask for it, you can ignore this email.`}</Text>
    </EmailLayout>
  );
}

SignInLink.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  signInUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies SignInLinkProps;
