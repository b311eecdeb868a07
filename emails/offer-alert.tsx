import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

/** To a lead: someone after an offer may be about to drop out. */
export type OfferAlertProps = {
  variant: "no-show" | "worried";
  name: string;
  orgName: string;
  personName: string;
  teamName: string;
  /** no-show: the start date; worried: what they wrote. */
  detail: string;
  url: string;
};

export const subject = (p: OfferAlertProps) =>
  p.variant === "no-show" ? `${p.personName} has not started with ${p.teamName}` : `${p.personName} is worried: please get in touch`;

export default function OfferAlert(p: OfferAlertProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.variant === "no-show" ? (
        <Text style={textStyle}>{`${p.personName} was due to start with ${p.teamName} on ${p.detail}, and nobody has confirmed their start since. Please find out what happened: confirm the start if they did begin, or record a no-show.`}</Text>
      ) : (
        <Text style={textStyle}>{`${p.personName} (${p.teamName}) answered their wellbeing check-in with "worried".${p.detail ? ` They wrote: "${p.detail}"` : ""} Please get in touch with them soon.`}</Text>
      )}
      <Button href={p.url} style={buttonStyle}>{`Open ${p.personName}'s application`}</Button>
    </EmailLayout>
  );
}

OfferAlert.PreviewProps = {
  variant: "worried",
  name: "Lena",
  orgName: "Oakfield Home Care",
  personName: "Sophie Lane",
  teamName: "Ashdown",
  detail: "I am finding the early starts hard",
  url: "http://localhost:3000/pipeline/example",
} satisfies OfferAlertProps;
