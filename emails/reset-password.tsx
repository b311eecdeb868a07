import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type ResetPasswordProps = { name: string; orgName: string; resetUrl: string; minutes: number };

export const subject = (p: ResetPasswordProps) => `Reset your Circle Hire password for ${p.orgName}`;

export default function ResetPassword(p: ResetPasswordProps) {
  return (
    <EmailLayout preview={`Choose a new password`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text
        style={textStyle}
      >{`Someone asked to reset the password of your ${p.orgName} account on Circle Hire. If it was you, choose a new one.`}</Text>
      <Button href={p.resetUrl} style={buttonStyle}>{`Choose a new password`}</Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. If you did not ask, you can ignore this email: your password stays the same.`}</Text>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  name: "Priya",
  orgName: "Heathside Care",
  resetUrl: "http://localhost:3000/reset-password?token=example",
  minutes: 30,
} satisfies ResetPasswordProps;
