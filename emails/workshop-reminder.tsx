import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WorkshopReminderProps = {
  name: string;
  orgName: string;
  when: string;
  venue: string;
  address: string;
  directions: string;
  soon: boolean;
  manageUrl: string;
  minutes: number;
};

export const subject = (p: WorkshopReminderProps) =>
  p.soon
    ? `See you soon: your workshop starts at ${p.when.split(", ")[1]?.split(" to ")[0] ?? p.when}`
    : `Reminder: your workshop on ${p.when}`;

export default function WorkshopReminder(p: WorkshopReminderProps) {
  return (
    <EmailLayout
      preview={`Your group workshop with ${p.orgName}`}
      heading={p.soon ? `See you soon, ${p.name}` : `Hello ${p.name}`}
      orgName={p.orgName}
    >
      <Text style={textStyle}>{p.soon ? `Your workshop starts in about 2 hours.` : `This is a reminder about your group workshop.`}</Text>
      <Text style={textStyle}>{`When: ${p.when}`}</Text>
      <Text style={textStyle}>{`Where: ${p.venue}, ${p.address}`}</Text>
      {p.directions ? <Text style={textStyle}>{`Getting there: ${p.directions}`}</Text> : null}
      <Text style={textStyle}>
        {p.soon
          ? `If you cannot come after all, please let us know by replying to this email.`
          : `If you cannot come, you can change or cancel your place here:`}
      </Text>
      {p.soon ? null : <Button href={p.manageUrl} style={buttonStyle}>{`Change or cancel my place`}</Button>}
      {p.soon ? null : <Text style={textStyle}>{`This button works once, for ${p.minutes} minutes.`}</Text>}
    </EmailLayout>
  );
}

WorkshopReminder.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  venue: "Ashdown Community Centre",
  address: "1 High Street, Ashdown",
  directions: "Bus 12 stops outside.",
  soon: false,
  manageUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies WorkshopReminderProps;
