import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type StaffInvitationProps = { orgName: string; invitedBy: string; roleLabel: string; joinUrl: string; days: number };

export const subject = (p: StaffInvitationProps) => `${p.invitedBy} has invited you to ${p.orgName} on Circle Hire`;

export default function StaffInvitation(p: StaffInvitationProps) {
  return (
    <EmailLayout preview={`Join ${p.orgName} on Circle Hire`} heading={`Join ${p.orgName}`} orgName={p.orgName}>
      <Text style={textStyle}>{`${p.invitedBy} has invited you to join ${p.orgName} on Circle Hire as ${p.roleLabel}.`}</Text>
      <Button href={p.joinUrl} style={buttonStyle}>{`Accept the invitation`}</Button>
      <Text
        style={textStyle}
      >{`The button works once, for ${p.days} days. You will choose your password. If you were not expecting this, you can ignore this email.`}</Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = {
  orgName: "Heathside Care",
  invitedBy: "Priya Shah",
  roleLabel: "a recruitment lead",
  joinUrl: "http://localhost:3000/join?token=example",
  days: 7,
} satisfies StaffInvitationProps;
