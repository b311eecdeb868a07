import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type ShadowCandidateVariant = "invite" | "proposed" | "moved" | "confirmed" | "cancelled" | "reminder" | "reflect";

export type ShadowCandidateProps = {
  variant: ShadowCandidateVariant;
  name: string;
  orgName: string;
  jobTitle: string;
  /** The shift, when there is one: "Tuesday 1 December 2026, 9:30am to 1:00pm". */
  when: string | null;
  hostName: string | null;
  meetingPoint: string | null;
  /** Where the visit is. Only ever set once the shift is confirmed. */
  visitDetails: string | null;
  bringAndWear: string | null;
  url: string;
  minutes: number;
};

const SUBJECTS: Record<ShadowCandidateVariant, (p: ShadowCandidateProps) => string> = {
  invite: () => "Choose a time for your shadow shift",
  proposed: (p) => `Can you do this shadow shift? ${p.when ?? ""}`.trim(),
  moved: (p) => `Your shadow shift has moved: ${p.when ?? ""}`.trim(),
  confirmed: (p) => `Your shadow shift is confirmed: ${p.when ?? ""}`.trim(),
  cancelled: () => "Your shadow shift is cancelled",
  reminder: (p) => `Reminder: your shadow shift on ${p.when ?? ""}`.trim(),
  reflect: () => "How was your shadow shift?",
};

export const subject = (p: ShadowCandidateProps) => SUBJECTS[p.variant](p);

const INTRO: Record<ShadowCandidateVariant, string> = {
  invite:
    "Thank you for coming to the workshop. The next step is a shadow shift: you spend a few hours with a member of the team, so you can see what the job is really like. Please choose a time that suits you.",
  proposed: "We have suggested a time for your shadow shift. Please let us know if you can come.",
  moved: "We had to change your shadow shift. Here is the new time. Please let us know if you can still come.",
  confirmed: "Your shadow shift is booked. We are looking forward to meeting you.",
  cancelled: "We are sorry: we had to cancel your shadow shift. You can choose or ask for another time.",
  reminder: "This is a reminder about your shadow shift tomorrow.",
  reflect:
    "Thank you for doing a shadow shift with us. We would love to know what you thought: is this the job for you? It takes a minute, and there is no wrong answer.",
};

const BUTTON: Record<ShadowCandidateVariant, string> = {
  invite: "Choose a time",
  proposed: "Accept or change this time",
  moved: "Accept or change this time",
  confirmed: "See my shadow shift",
  cancelled: "Choose another time",
  reminder: "See my shadow shift",
  reflect: "Tell us how it went",
};

export default function ShadowCandidate(p: ShadowCandidateProps) {
  return (
    <EmailLayout preview={`Your shadow shift with ${p.orgName}`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{INTRO[p.variant]}</Text>
      {p.when && p.variant !== "invite" && p.variant !== "reflect" ? <Text style={textStyle}>{`When: ${p.when}`}</Text> : null}
      {p.hostName && p.variant !== "cancelled" && p.variant !== "invite" ? (
        <Text style={textStyle}>{`You will be with: ${p.hostName}`}</Text>
      ) : null}
      {p.meetingPoint && p.variant !== "cancelled" && p.variant !== "invite" && p.variant !== "reflect" ? (
        <Text style={textStyle}>{`Where to meet: ${p.meetingPoint}`}</Text>
      ) : null}
      {p.visitDetails ? <Text style={textStyle}>{`The visit: ${p.visitDetails}`}</Text> : null}
      {p.bringAndWear && p.variant !== "cancelled" && p.variant !== "reflect" ? (
        <Text style={textStyle}>{`What to bring and wear: ${p.bringAndWear}`}</Text>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        {BUTTON[p.variant]}
      </Button>
      <Text style={textStyle}>{`This button works once, for ${p.minutes} minutes.`}</Text>
    </EmailLayout>
  );
}

ShadowCandidate.PreviewProps = {
  variant: "confirmed",
  name: "Sam",
  orgName: "Oakfield Home Care",
  jobTitle: "Care and support worker",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  hostName: "Grace Lee",
  meetingPoint: "Ashdown office, 3 Mill Lane",
  visitDetails: "We will visit Mrs B at home together, 5 minutes' walk from the office.",
  bringAndWear: "Comfortable shoes, no jewellery. Bring a water bottle.",
  url: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies ShadowCandidateProps;
