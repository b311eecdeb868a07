import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WorkshopLowNumbersProps = { name: string; orgName: string; when: string; booked: number; minimum: number; workshopUrl: string };

export const subject = (p: WorkshopLowNumbersProps) => `Only ${p.booked} booked for the workshop on ${p.when}`;

export default function WorkshopLowNumbers(p: WorkshopLowNumbersProps) {
  return (
    <EmailLayout preview={`A workshop is below its minimum`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`The workshop on ${p.when} has ${p.booked} people booked, below your minimum of ${p.minimum}.`}</Text>
      <Text
        style={textStyle}
      >{`You can run it as it is, or merge it into another date: everyone booked is moved and told, with an updated calendar entry.`}</Text>
      <Button href={p.workshopUrl} style={buttonStyle}>{`Open the workshop`}</Button>
    </EmailLayout>
  );
}

WorkshopLowNumbers.PreviewProps = {
  name: "Lena",
  orgName: "Oakfield Home Care",
  when: "Tuesday 1 December 2026, 9:30am to 1:00pm",
  booked: 3,
  minimum: 8,
  workshopUrl: "http://localhost:3000/workshops/example",
} satisfies WorkshopLowNumbersProps;
