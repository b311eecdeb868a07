import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WorkshopBookedProps = {
  name: string;
  orgName: string;
  when: string;
  venue: string;
  address: string;
  directions: string;
  accessibility: string;
  moved: boolean;
  manageUrl: string;
  minutes: number;
};

export const subject = (p: WorkshopBookedProps) => (p.moved ? `Your workshop has moved to ${p.when}` : `Your workshop place: ${p.when}`);

export default function WorkshopBooked(p: WorkshopBookedProps) {
  return (
    <EmailLayout preview={`Your group workshop with ${p.orgName}`} heading={`See you there, ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{p.moved ? `We have moved your place to the new date.` : `You have a place at our group workshop.`}</Text>
      <Text style={textStyle}>{`When: ${p.when}`}</Text>
      <Text style={textStyle}>{`Where: ${p.venue}, ${p.address}`}</Text>
      {p.directions ? <Text style={textStyle}>{`Getting there: ${p.directions}`}</Text> : null}
      {p.accessibility ? <Text style={textStyle}>{`Access: ${p.accessibility}`}</Text> : null}
      <Text
        style={textStyle}
      >{`Open the file attached to add it to your calendar. You will meet other people who are applying. Together you try out real things from the job. There are no trick questions.`}</Text>
      <Button href={p.manageUrl} style={buttonStyle}>{`Change or cancel my place`}</Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. After that, the page will offer to send you a new one.`}</Text>
    </EmailLayout>
  );
}

WorkshopBooked.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  venue: "Ashdown Community Centre",
  address: "1 High Street, Ashdown",
  directions: "Bus 12 stops outside.",
  accessibility: "Step-free entrance; a quiet room is available.",
  moved: false,
  manageUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies WorkshopBookedProps;
