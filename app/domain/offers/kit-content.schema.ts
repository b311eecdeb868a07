import * as z from "zod/mini";
import { KIT_WEEKS } from "./kit-content.js";

const field = (message: string, max: number) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

/** The organisation's keep-in-touch messages: a title and a message for each of the first weeks. */
export const KitContentSchema = z.object(
  Object.fromEntries(
    Array.from({ length: KIT_WEEKS }, (_, i) => i + 1).flatMap((week) => [
      [`title${week}`, field(`Enter a title for week ${week}`, 120)],
      [`body${week}`, field(`Enter the message for week ${week}`, 1500)],
    ]),
  ) as Record<string, ReturnType<typeof field>>,
);
