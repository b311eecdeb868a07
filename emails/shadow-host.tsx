import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type ShadowHostVariant = "confirmed" | "cancelled" | "reminder" | "feedback";

export type ShadowHostProps = {
  variant: ShadowHostVariant;
  name: string;
  orgName: string;
  candidateName: string;
  when: string;
  meetingPoint: string;
  url: string;
};

const SUBJECTS: Record<ShadowHostVariant, (p: ShadowHostProps) => string> = {
  confirmed: (p) => `${p.candidateName} is coming on your shadow shift: ${p.when}`,
  cancelled: (p) => `${p.candidateName} cannot come to your shadow shift`,
  reminder: (p) => `Reminder: shadow shift with ${p.candidateName} tomorrow`,
  feedback: (p) => `How did the shadow shift with ${p.candidateName} go?`,
};

export const subject = (p: ShadowHostProps) => SUBJECTS[p.variant](p);

const INTRO: Record<ShadowHostVariant, (p: ShadowHostProps) => string> = {
  confirmed: (p) => `${p.candidateName} will join you for a shadow shift.`,
  cancelled: (p) =>
    `${p.candidateName} has cancelled the shadow shift with you. If it was a time you offered, it is open again for someone else.`,
  reminder: (p) => `${p.candidateName} joins you for a shadow shift tomorrow.`,
  feedback: (p) =>
    `Thank you for hosting ${p.candidateName}. Please tell the team what you saw: how they showed our values, any concerns, and whether you would like them in the team. If the person you support or their family shared a comment, you can add it too.`,
};

export default function ShadowHost(p: ShadowHostProps) {
  return (
    <EmailLayout preview={`Shadow shift with ${p.candidateName}`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{INTRO[p.variant](p)}</Text>
      <Text style={textStyle}>{`When: ${p.when}`}</Text>
      {p.variant !== "feedback" && p.variant !== "cancelled" ? <Text style={textStyle}>{`Where to meet: ${p.meetingPoint}`}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        {p.variant === "feedback" ? "Give feedback" : "See shadow shifts"}
      </Button>
    </EmailLayout>
  );
}

ShadowHost.PreviewProps = {
  variant: "feedback",
  name: "Grace",
  orgName: "Oakfield Home Care",
  candidateName: "Ruby Adams",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  meetingPoint: "Ashdown office, 3 Mill Lane",
  url: "http://localhost:3000/shadow/00000000-0000-0000-0000-000000000000/feedback",
} satisfies ShadowHostProps;
