// Every action reads its form through readForm, so a body that is not a form is answered with
// a 415 or 400 page (through the error boundary) instead of a 500 from request.formData().
// The size of the body is capped before Remix reads it, in body-limits.server.ts.

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The media type and charset of a Content-Type header, lower-cased ("" when missing). */
function mediaType(header: string | null) {
  const [type = "", ...params] = (header ?? "").split(";");
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * The submitted form. Throws a 415 Response for anything but a URL-encoded or multipart form
 * (JSON, text, no Content-Type, or a charset other than UTF-8, which browsers always use), and a
 * 400 Response for a body that does not parse (broken multipart, a missing boundary).
 */
export async function readForm(request: Request): Promise<FormData> {
  const { type, charset } = mediaType(request.headers.get("Content-Type"));
  if (!FORM_TYPES.has(type) || (charset && charset !== "utf-8")) {
    throw new Response("This page only accepts its own form. Go back, fill it in again and send it.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("We could not read the form that was sent. Go back and send it again.", { status: 400 });
  }
}
