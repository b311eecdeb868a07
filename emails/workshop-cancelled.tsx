import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WorkshopCancelledProps = { name: string; orgName: string; when: string; bookUrl: string; minutes: number };

export const subject = (p: WorkshopCancelledProps) => `Your workshop place on ${p.when} is cancelled`;

export default function WorkshopCancelled(p: WorkshopCancelledProps) {
  return (
    <EmailLayout preview={`Your workshop place is cancelled`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text
        style={textStyle}
      >{`We have cancelled your place at the workshop on ${p.when}. The calendar file attached removes it from your calendar.`}</Text>
      <Text style={textStyle}>{`If you would like to come on another date, you can choose one here:`}</Text>
      <Button href={p.bookUrl} style={buttonStyle}>{`Choose another date`}</Button>
      <Text style={textStyle}>{`This button works once, for ${p.minutes} minutes.`}</Text>
    </EmailLayout>
  );
}

WorkshopCancelled.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  bookUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies WorkshopCancelledProps;
