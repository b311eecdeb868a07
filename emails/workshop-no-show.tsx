import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type WorkshopNoShowProps = { name: string; orgName: string; bookUrl: string; minutes: number };

export const subject = (p: WorkshopNoShowProps) => `We missed you at the ${p.orgName} workshop`;

export default function WorkshopNoShow(p: WorkshopNoShowProps) {
  return (
    <EmailLayout preview={`Would another date suit you better?`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>{`We were sorry not to see you at the workshop. We know things come up.`}</Text>
      <Text style={textStyle}>{`If you would still like to join us, you can choose another date:`}</Text>
      <Button href={p.bookUrl} style={buttonStyle}>{`Choose another date`}</Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. If you have changed your mind, you do not need to do anything.`}</Text>
    </EmailLayout>
  );
}

WorkshopNoShow.PreviewProps = {
  name: "Sam",
  orgName: "Oakfield Home Care",
  bookUrl: "http://localhost:3000/auth/link?token=example",
  minutes: 10,
} satisfies WorkshopNoShowProps;
