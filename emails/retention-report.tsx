import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type RetentionReportProps = {
  name: string;
  orgName: string;
  /** "Friday 4 December 2026" */
  day: string;
  erased: number;
  retentionMonths: number;
  settingsUrl: string;
};

export const subject = (p: RetentionReportProps) => `Data retention: ${p.erased} ${p.erased === 1 ? "person's" : "people's"} data erased`;

export default function RetentionReport(p: RetentionReportProps) {
  return (
    <EmailLayout preview={`Data retention on ${p.day}`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      <Text style={textStyle}>
        {`On ${p.day} we erased the personal data of ${p.erased} ${p.erased === 1 ? "candidate" : "candidates"} whose applications closed more than ${p.retentionMonths} months ago (longer for people who asked to hear about future jobs).`}
      </Text>
      <Text style={textStyle}>
        {`Your figures are unchanged: we keep the anonymous counts. People with a legal hold and people with an application in progress were not touched.`}
      </Text>
      <Button href={p.settingsUrl} style={buttonStyle}>{`See the retention settings`}</Button>
    </EmailLayout>
  );
}

RetentionReport.PreviewProps = {
  name: "Lena",
  orgName: "Oakfield Home Care",
  day: "Friday 4 December 2026",
  erased: 3,
  retentionMonths: 6,
  settingsUrl: "http://localhost:3000/settings/privacy",
} satisfies RetentionReportProps;
