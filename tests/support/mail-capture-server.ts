/**
 * A local stand-in for Resend's HTTP API: enough of POST /emails for the real `resend` SDK to
 * send to it (point RESEND_BASE_URL here). It keeps what was sent so developers (the dev mailbox)
 * and tests can read it: GET /captured lists messages, newest first; DELETE /captured clears.
 * An Idempotency-Key seen before returns the first message's id and records nothing new, as
 * Resend does for 24 hours; `posts` still counts every send attempt (drills report both).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { fileURLToPath } from "node:url";

export type CapturedEmail = {
  id: string;
  from: string;
  to: string[];
  /** Where replies go (the organisation's contact email), if set. */
  replyTo: string[];
  subject: string;
  html: string;
  text: string;
  createdAt: string;
  idempotencyKey: string | null;
  attachments: { filename: string; content: string; contentType?: string }[];
};

async function readJson(req: IncomingMessage) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

export async function startMailCapture(port = 0, host = "127.0.0.1") {
  const messages: CapturedEmail[] = [];
  const byKey = new Map<string, string>();
  const posts: { idempotencyKey: string | null }[] = [];
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "POST" && url.pathname === "/emails") {
        if (!req.headers.authorization?.startsWith("Bearer ")) return send(401, { name: "missing_api_key", message: "Missing API key" });
        const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
        posts.push({ idempotencyKey: key });
        const seen = key ? byKey.get(key) : undefined;
        if (seen) return send(200, { id: seen });
        const body = await readJson(req);
        if (!body.from || !body.to || !body.subject)
          return send(422, { name: "validation_error", message: "from, to and subject are required" });
        const email: CapturedEmail = {
          id: randomUUID(),
          from: body.from,
          to: Array.isArray(body.to) ? body.to : [body.to],
          replyTo: body.reply_to ? (Array.isArray(body.reply_to) ? body.reply_to : [body.reply_to]) : [],
          subject: body.subject,
          html: body.html ?? "",
          text: body.text ?? "",
          createdAt: new Date().toISOString(),
          idempotencyKey: key,
          attachments: Array.isArray(body.attachments) ? body.attachments : [],
        };
        messages.push(email);
        if (key) byKey.set(key, email.id);
        return send(200, { id: email.id });
      }
      if (req.method === "GET" && url.pathname === "/captured") {
        const to = url.searchParams.get("to");
        return send(200, messages.filter((m) => !to || m.to.includes(to)).toReversed());
      }
      if (req.method === "DELETE" && url.pathname === "/captured") {
        messages.length = 0;
        posts.length = 0;
        byKey.clear();
        return send(200, { cleared: true });
      }
      send(404, { name: "not_found", message: `${req.method} ${url.pathname} is not part of the capture server` });
    } catch (error) {
      send(400, { name: "invalid_request", message: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${typeof address === "object" && address ? address.port : port}`;
  return {
    url,
    messages,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.MAIL_CAPTURE_PORT ?? 3025);
  const capture = await startMailCapture(port);
  console.log(`mail capture: listening on ${capture.url}`);
  const stop = () => capture.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
