import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type ConfirmEmailProps = { name: string; orgName: string; confirmUrl: string; hours: number };

export const subject = (p: ConfirmEmailProps) => `Confirm your email address for ${p.orgName} on Circle Hire`;

export default function ConfirmEmail(p: ConfirmEmailProps) {
  return (
    <EmailLayout preview={`Confirm your email to publish vacancies`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text
        style={textStyle}
      >{`Thank you for signing up ${p.orgName} to Circle Hire. Confirm this is your email address, and you can publish vacancies.`}</Text>
      <Button href={p.confirmUrl} style={buttonStyle}>{`Confirm my email address`}</Button>
      <Text style={textStyle}>{`This button works once, for ${p.hours} hours. If you did not sign up, you can ignore this email.`}</Text>
    </EmailLayout>
  );
}

ConfirmEmail.PreviewProps = {
  name: "Priya",
  orgName: "Heathside Care",
  confirmUrl: "http://localhost:3000/start/confirm?token=example",
  hours: 48,
} satisfies ConfirmEmailProps;
