import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f6f5f2", fontFamily: "Arial, Helvetica, sans-serif", color: "#1d1d1b" };
const container = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", margin: "24px auto", borderRadius: "8px" };

export const buttonStyle = {
  backgroundColor: "#1f5f4a",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontWeight: 700,
  textDecoration: "none",
  display: "inline-block",
};
export const textStyle = { fontSize: "16px", lineHeight: "24px" };

export function EmailLayout({
  preview,
  heading,
  orgName,
  children,
}: {
  preview: string;
  heading: string;
  orgName: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: "22px" }}>
            {heading}
          </Heading>
          {children}
          <Hr />
          <Text
            style={{ fontSize: "13px", color: "#555" }}
          >{`Sent by ${orgName} using Circle Hire. If you did not expect this email, you can ignore it.`}</Text>
        </Container>
      </Body>
    </Html>
  );
}
