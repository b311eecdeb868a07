import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type OfferLeadVariant = "accepted" | "declined" | "withdrawn";

export type OfferLeadProps = {
  variant: OfferLeadVariant;
  name: string;
  orgName: string;
  candidateName: string;
  roleTitle: string;
  teamName: string;
  startDate: string;
  /** Their reason, when they declined or withdrew and gave one. */
  reason: string | null;
  url: string;
};

const SUBJECTS: Record<OfferLeadVariant, (p: OfferLeadProps) => string> = {
  accepted: (p) => `${p.candidateName} accepted the offer`,
  declined: (p) => `${p.candidateName} declined the offer`,
  withdrawn: (p) => `${p.candidateName} will not be starting after all`,
};

export const subject = (p: OfferLeadProps) => SUBJECTS[p.variant](p);

const INTRO: Record<OfferLeadVariant, (p: OfferLeadProps) => string> = {
  accepted: (p) =>
    `${p.candidateName} accepted the offer to join ${p.teamName} as ${p.roleTitle}, starting ${p.startDate}. The pre-start checks are waiting.`,
  declined: (p) => `${p.candidateName} declined the offer to join ${p.teamName}.`,
  withdrawn: (p) => `${p.candidateName} accepted the offer to join ${p.teamName} but has now withdrawn.`,
};

export default function OfferLead(p: OfferLeadProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{INTRO[p.variant](p)}</Text>
      {p.reason ? <Text style={textStyle}>{`Their reason: ${p.reason}`}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See the application
      </Button>
    </EmailLayout>
  );
}

OfferLead.PreviewProps = {
  variant: "accepted",
  name: "Lena",
  orgName: "Oakfield Home Care",
  candidateName: "Sophie Lane",
  roleTitle: "Care and support worker",
  teamName: "Ashdown",
  startDate: "Monday 4 January 2027",
  reason: null,
  url: "http://localhost:3000/pipeline/example",
} satisfies OfferLeadProps;
