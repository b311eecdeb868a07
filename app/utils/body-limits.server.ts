import type { IncomingMessage } from "node:http";
import type { RequestHandler, Response } from "express";

// Request bodies are capped here, before Remix reads them: Remix (like request.formData()) reads
// a whole body into memory, so without a cap one 100 MB post grew the process by 450 MB.
//
// FORM_BODY_LIMIT: the largest form is the survey editor (one field per value and item): 6.9 KB
// for the default survey, about 45 KB with every one of its 76 texts at the 500-character
// maximum; the keep-in-touch texts at their maximum are 7 KB (up to ~60 KB if every character
// took 3 bytes). No page uploads files, so every route shares this one limit; a route that
// accepts files would get its own, larger limit here.
export const FORM_BODY_LIMIT = 64 * 1024;

const TOO_LARGE_PAGE = (limit: number) => `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>What you sent is too large</title></head>
<body>
<main>
<h1>What you sent is too large</h1>
<p>We accept forms of up to ${Math.round(limit / 1024)} KB, and this one was bigger. Go back, shorten your longest answers and send it again.</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>
`;

function tooLarge(res: Response, limit: number) {
  // Closing the connection stops the client uploading the rest; Node discards what is in flight.
  res.status(413).set("Connection", "close").type("html").send(TOO_LARGE_PAGE(limit));
}

/**
 * Reads a body of unknown length (chunked) up to `limit` bytes, then calls `done`. Within the
 * limit, the bytes are put back with unshift() (allowed until the stream's 'end' event, per the
 * Node docs), so Remix reads the body as if nobody had touched it. Over the limit, reading
 * stops: at most about one chunk more than the limit is ever held.
 *
 * `done` runs synchronously from the stream's event: Remix's adapter attaches its listeners
 * synchronously too, so it is listening before the stream can emit 'end' (which matters for an
 * empty body). Keep this middleware the last one before the Remix handler.
 */
function readUpTo(req: IncomingMessage, limit: number, done: (outcome: "ok" | "too-large") => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => {
    req.off("readable", onReadable);
    req.off("close", stop);
  };
  const onReadable = () => {
    // Reading only what is buffered: a read() at the very end would schedule 'end' with nothing to put back.
    while (req.readableLength > 0) {
      const chunk = req.read() as Buffer;
      size += chunk.length;
      if (size > limit) {
        stop();
        return done("too-large");
      }
      chunks.push(chunk);
    }
    // `complete` is set once the last chunk has arrived, and everything has been read by now.
    if (req.complete) {
      stop();
      if (size > 0) req.unshift(Buffer.concat(chunks, size));
      done("ok");
    }
  };
  req.on("readable", onReadable);
  // A client that goes away mid-body gets no answer.
  req.once("close", stop);
}

/** Express middleware: 413 for a body over `limit`, by its Content-Length or by counting a chunked one. */
export function limitRequestBodies({ limit = FORM_BODY_LIMIT } = {}): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      // Node's parser has already refused a malformed length and never passes on more bytes than it says.
      return Number(declared) > limit ? tooLarge(res, limit) : next();
    }
    if (!req.headers["transfer-encoding"]) return next(); // no body at all
    readUpTo(req, limit, (outcome) => (outcome === "ok" ? next() : tooLarge(res, limit)));
  };
}
