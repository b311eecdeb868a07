/** "Olivia" from "Olivia Grant": how emails and pages greet people. */
export const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? fullName;
