import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT, limitRequestBodies } from "#app/utils/body-limits.server.js";

// The body cap on a tiny Express app in this process, in front of a handler that reads the
// body exactly as Remix's Express adapter does (createReadableStreamFromReadable + formData()).

const MB = 1024 * 1024;
let server: http.Server;
let port: number;
let formsRead = 0;

beforeAll(async () => {
  const app = express();
  app.use(limitRequestBodies());
  app.post("*", async (req, res) => {
    const request = new Request(`http://localhost${req.url}`, {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      duplex: "half",
    } as RequestInit);
    const form = await request.formData();
    formsRead++;
    res.json(Object.fromEntries([...form].map(([k, v]) => [k, String(v).length > 40 ? `${String(v).length} chars` : v])));
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Reply = { status: number; body: string; sentBytes: number };

/** Posts `total` bytes of a form, in 64 KiB writes that respect backpressure; chunked unless `declareLength`. */
function streamPost(total: number, { declareLength = false } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (declareLength) headers["Content-Length"] = total;
    const req = http.request({ port, method: "POST", path: "/apply", headers });
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sentBytes: sent }));
    });
    // Once refused, the server closes the connection while we are still writing: expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (sent < total && !answered && !req.destroyed) {
        const n = Math.min(piece.length, total - sent);
        const first = sent === 0;
        sent += n;
        const more = req.write(first ? Buffer.concat([Buffer.from("field="), piece.subarray(6, n)]) : piece.subarray(0, n));
        if (!more) return req.once("drain", pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

function postForm(body: string, { chunked }: { chunked: boolean }) {
  return new Promise<Reply>((resolve, reject) => {
    const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (!chunked) headers["Content-Length"] = Buffer.byteLength(body);
    const req = http.request({ port, method: "POST", path: "/apply", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, sentBytes: Buffer.byteLength(body) }));
    });
    req.on("error", reject);
    // Two writes, so a chunked body really arrives in pieces.
    req.write(body.slice(0, Math.floor(body.length / 2)));
    setTimeout(() => req.end(body.slice(Math.floor(body.length / 2))), 10);
  });
}

/** The process's peak resident memory above its level at the start, while `work` runs. */
async function peakGrowth<T>(work: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - base) / MB };
  } finally {
    clearInterval(timer);
  }
}

describe("request body limits", () => {
  it("refuses a streamed 100 MB post with a 413 page, reading no more than the limit", async () => {
    const before = formsRead;
    const { result, growthMb } = await peakGrowth(() => streamPost(100 * MB));
    console.log(
      `body-limits: chunked 100 MB post: ${result.status} after ${(result.sentBytes / MB).toFixed(1)} MB sent; memory +${growthMb.toFixed(1)} MB`,
    );
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/What you sent is too large/);
    expect(result.body).toMatch(/shorten your longest answers/);
    expect(formsRead).toBe(before);
    expect(growthMb).toBeLessThan(8);
  });

  it("refuses a 100 MB post by its Content-Length, before reading any of it", async () => {
    const { result, growthMb } = await peakGrowth(() => streamPost(100 * MB, { declareLength: true }));
    console.log(`body-limits: 100 MB post with Content-Length: ${result.status}; memory +${growthMb.toFixed(1)} MB`);
    expect(result.status).toBe(413);
    expect(growthMb).toBeLessThan(8);
  });

  it("passes forms up to the limit to the app intact, chunked or not", async () => {
    const noteLength = FORM_BODY_LIMIT - "note=".length - "&name=Ada%00".length;
    const big = `note=${"b".repeat(noteLength)}&name=Ada%00`;
    expect(Buffer.byteLength(big)).toBe(FORM_BODY_LIMIT);
    for (const chunked of [true, false]) {
      const small = await postForm("name=Ada+Lovelace&email=ada%40example.com", { chunked });
      expect(small.status).toBe(200);
      expect(JSON.parse(small.body)).toEqual({ name: "Ada Lovelace", email: "ada@example.com" });

      const atLimit = await postForm(big, { chunked });
      expect(atLimit.status).toBe(200);
      expect(JSON.parse(atLimit.body)).toEqual({ note: `${noteLength} chars`, name: "Ada\u0000" });

      const overLimit = await postForm(`${big}x`, { chunked });
      expect(overLimit.status).toBe(413);
    }
    // An empty chunked body still reaches the app (and is then an empty form).
    const empty = await postForm("", { chunked: true });
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.body)).toEqual({});
  });
});
