import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type SurveyReminderProps = { name: string; jobTitle: string; orgName: string; signInUrl: string; started: boolean; minutes: number };

export const subject = (p: SurveyReminderProps) =>
  p.started ? `Finish your survey for ${p.jobTitle}` : `Your next step for ${p.jobTitle}`;

export default function SurveyReminder(p: SurveyReminderProps) {
  return (
    <EmailLayout preview={`A short survey about what matters to you at work`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>
        {p.started
          ? `You have started our survey about what matters to you at work. Your answers so far are saved. You can carry on where you left off.`
          : `Thank you for applying for ${p.jobTitle}. The next step is a short survey about what matters to you at work. There are no right or wrong answers, and it takes about 10 minutes.`}
      </Text>
      <Button href={p.signInUrl} style={buttonStyle}>
        {p.started ? `Carry on with the survey` : `Start the survey`}
      </Button>
      <Text
        style={textStyle}
      >{`This button works once, for ${p.minutes} minutes. After that, the page will offer to send you a new one.`}</Text>
      <Text style={textStyle}>{`If you no longer want this job, you can ignore this email.`}</Text>
    </EmailLayout>
  );
}

SurveyReminder.PreviewProps = {
  name: "Sam",
  jobTitle: "Care and support worker",
  orgName: "Oakfield Home Care",
  signInUrl: "http://localhost:3000/auth/link?token=example",
  started: true,
  minutes: 10,
} satisfies SurveyReminderProps;
