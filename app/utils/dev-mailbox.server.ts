import type { CapturedEmail } from "#tests/support/mail-capture-server.js";

/** Reads what the local capture server at `baseUrl` has recorded (newest first). */
export async function fetchCaptured(baseUrl: string, to?: string): Promise<CapturedEmail[]> {
  const res = await fetch(`${baseUrl}/captured${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  if (!res.ok) throw new Error(`capture server answered ${res.status}`);
  return res.json();
}
