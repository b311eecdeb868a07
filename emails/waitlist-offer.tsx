import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WaitlistOfferProps = { name: string; orgName: string; when: string; until: string; bookUrl: string; minutes: number };

export const subject = (p: WaitlistOfferProps) => `A workshop place is free for you: ${p.when}`;

export default function WaitlistOffer(p: WaitlistOfferProps) {
  return (
    <EmailLayout preview={`We are holding a place for you`} heading={`Good news, ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`A place has come free at the workshop on ${p.when}, and you were first on the waiting list.`}</Text>
      <Text style={textStyle}>{`We are holding it for you until ${p.until}. After that, we will offer it to the next person.`}</Text>
      <Button href={p.bookUrl} style={buttonStyle}>{`Book this place`}</Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. After that, the page will offer to send you a new one.`}</Text>
    </EmailLayout>
  );
}

WaitlistOffer.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  until: "Friday 27 November 2026, 10:00am",
  bookUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies WaitlistOfferProps;
