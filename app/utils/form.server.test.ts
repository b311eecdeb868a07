import { describe, expect, it } from "vitest";
import { readForm } from "./form.server.js";

const post = (body: BodyInit, contentType?: string) =>
  new Request("http://localhost/apply", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });

async function refusal(request: Request) {
  try {
    await readForm(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("expected readForm to throw a Response");
}

describe("reading a posted form", () => {
  it("reads URL-encoded and multipart forms", async () => {
    expect((await readForm(post("name=Ada&note=hi", "application/x-www-form-urlencoded"))).get("name")).toBe("Ada");
    const multipart = new FormData();
    multipart.set("name", "Grace");
    expect((await readForm(new Request("http://localhost/", { method: "POST", body: multipart }))).get("name")).toBe("Grace");
    expect((await readForm(post("name=Ada", "Application/X-WWW-Form-URLEncoded; charset=UTF-8"))).get("name")).toBe("Ada");
  });

  it("answers 415 with a plain message for JSON, text, XML, no content type or another charset", async () => {
    for (const [body, type] of [
      ['{"name":"Ada"}', "application/json"],
      ["name=Ada", "text/plain;charset=UTF-8"],
      ["<a/>", "application/xml"],
      ["name=Ada", undefined],
      ["name=Ada", "application/x-www-form-urlencoded; charset=utf-16"],
    ] as const) {
      const answer = await refusal(post(body, type));
      expect(answer.status, String(type)).toBe(415);
      expect(answer.text).toMatch(/only accepts its own form/);
    }
  });

  it("answers 400 for a multipart body that does not parse", async () => {
    const body = '--abc\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--abc--\r\n';
    for (const [text, type] of [
      [body, "multipart/form-data"],
      [body, "multipart/form-data; boundary=other"],
      [body.slice(0, 30), "multipart/form-data; boundary=abc"],
    ]) {
      const answer = await refusal(post(text, type));
      expect(answer.status, `${type} ${text.length}`).toBe(400);
      expect(answer.text).toMatch(/could not read the form/);
    }
  });
});
