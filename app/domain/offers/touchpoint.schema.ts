import * as z from "zod/mini";
import { CHECKIN_ANSWERS } from "./touchpoint-options.js";

const note = z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" }));

export { CHECKIN_ANSWERS };

/** The new starter's answer to a wellbeing check-in. */
export const CheckinSchema = z
  .object({
    answer: z.enum(["good", "ok", "worried"], { error: "Choose how it is going" }),
    note,
  })
  .check(
    z.refine((a) => a.answer !== "worried" || a.note.length > 0, {
      error: "Tell us a little about what is worrying you, so the right person can help",
      path: ["note"],
    }),
  );

/** A reply to a keep-in-touch email: "got it", with an optional message. */
export const KitReplySchema = z.object({ note });

/** A buddy (or a lead) marks a buddy call as done, with an optional note. */
export const BuddyCallSchema = z.object({ touchpointId: z.string({ error: "Choose the call" }), note });
