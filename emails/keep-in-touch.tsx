import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

/** Keeping in touch between the offer and the first 90 days: to the new starter, and to their buddy. */
export type KeepInTouchProps = {
  variant: "kit" | "checkin" | "buddy-call" | "buddy-checkin";
  name: string;
  orgName: string;
  teamName: string;
  /** The new starter's name, for emails to the buddy. */
  personName: string;
  /** "Monday 30 November 2026". */
  startDate: string;
  /** kit: this week's message; checkin: the day (7, 30 or 90). */
  title?: string;
  body?: string;
  day?: number;
  /** The new starter's personal reply link (kit, checkin). */
  replyUrl?: string;
};

export const subject = (p: KeepInTouchProps) =>
  ({
    kit: `${p.title}: ${p.teamName} is looking forward to ${p.startDate}`,
    checkin: `How is it going, ${p.name}?`,
    "buddy-call": `Please give ${p.personName} a ring this week`,
    "buddy-checkin": `${p.personName} has been with ${p.teamName} for ${p.day} days`,
  })[p.variant];

export default function KeepInTouch(p: KeepInTouchProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.variant === "kit" ? (
        <>
          <Text style={{ ...textStyle, fontWeight: 700 }}>{p.title}</Text>
          <Text style={textStyle}>{p.body}</Text>
          <Text
            style={textStyle}
          >{`You start with ${p.teamName} on ${p.startDate}. Please tap below so we know this reached you. You can ask us anything there too.`}</Text>
          <Button href={p.replyUrl} style={buttonStyle}>{`Reply to us`}</Button>
        </>
      ) : null}
      {p.variant === "checkin" ? (
        <>
          <Text
            style={textStyle}
          >{`You have been with ${p.teamName} for ${p.day} days. How is it going? It takes a minute, and it helps us look after you and the people joining after you.`}</Text>
          <Button href={p.replyUrl} style={buttonStyle}>{`Tell us how it is going`}</Button>
          <Text style={textStyle}>{`If something is not right, you can say so there, and someone will get in touch.`}</Text>
        </>
      ) : null}
      {p.variant === "buddy-call" ? (
        <>
          <Text style={textStyle}>{`You are ${p.personName}'s buddy. They start with ${p.teamName} on ${p.startDate}.`}</Text>
          <Text
            style={textStyle}
          >{`Please give them a ring this week. Say hello and answer their questions. Tell us if anything might stop them starting. People who hear from their team before day one are much more likely to start.`}</Text>
        </>
      ) : null}
      {p.variant === "buddy-checkin" ? (
        <>
          <Text
            style={textStyle}
          >{`${p.personName} has been with ${p.teamName} for ${p.day} days. We have asked them how it is going.`}</Text>
          <Text style={textStyle}>{`As their buddy, please check in with them this week too: a chat on a shift or a quick call.`}</Text>
        </>
      ) : null}
    </EmailLayout>
  );
}

KeepInTouch.PreviewProps = {
  variant: "kit",
  name: "Sophie",
  orgName: "Oakfield Home Care",
  teamName: "Ashdown",
  personName: "Sophie Lane",
  startDate: "Monday 14 December 2026",
  title: "Meet your team",
  body: "Your new team is looking forward to meeting you.",
  replyUrl: "http://localhost:3000/check-in/example",
} satisfies KeepInTouchProps;
