import { Text } from "@react-email/components";
import { EmailLayout, textStyle } from "./components/layout.js";

export type PasswordChangedProps = { name: string; orgName: string };

export const subject = (p: PasswordChangedProps) => `Your Circle Hire password for ${p.orgName} has changed`;

export default function PasswordChanged(p: PasswordChangedProps) {
  return (
    <EmailLayout preview={`Your password has changed`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text
        style={textStyle}
      >{`The password of your ${p.orgName} account on Circle Hire has just changed, and every device signed in with the old one has been signed out.`}</Text>
      <Text
        style={textStyle}
      >{`If that was not you, reset your password from the sign-in page now, and tell your organisation's admin.`}</Text>
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = { name: "Priya", orgName: "Heathside Care" } satisfies PasswordChangedProps;
