import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, textStyle } from "./components/layout.js";

export type RetentionReportProps = {
  name: string;
  orgName: string;
  /** "Friday 4 December 2026" */
  day: string;
  erased: number;
  retentionMonths: number;
  /** Former team members and staff accounts erased the same night. */
  staffErased: number;
  staffRetentionMonths: number;
  settingsUrl: string;
};

const total = (p: RetentionReportProps) => p.erased + p.staffErased;
export const subject = (p: RetentionReportProps) => `Data retention: ${total(p)} ${total(p) === 1 ? "person's" : "people's"} data erased`;

export default function RetentionReport(p: RetentionReportProps) {
  return (
    <EmailLayout preview={`Data retention on ${p.day}`} heading={`Hello ${p.name}`} orgName={p.orgName}>
      {p.erased ? (
        <Text style={textStyle}>
          {`On ${p.day} we erased the personal data of ${p.erased} ${p.erased === 1 ? "candidate" : "candidates"} whose applications closed more than ${p.retentionMonths} months ago (longer for people who asked to hear about future jobs).`}
        </Text>
      ) : null}
      {p.staffErased ? (
        <Text style={textStyle}>
          {`On ${p.day} we erased the personal data of ${p.staffErased} former ${p.staffErased === 1 ? "colleague" : "colleagues"} who left a team, or whose staff account was deactivated, more than ${p.staffRetentionMonths} months ago.`}
        </Text>
      ) : null}
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
  staffErased: 1,
  staffRetentionMonths: 24,
  settingsUrl: "http://localhost:3000/settings/privacy",
} satisfies RetentionReportProps;
