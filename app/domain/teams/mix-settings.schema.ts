import * as z from "zod/mini";

const percent = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} as a whole percentage` })
    .check(
      z.int({ error: `Enter the ${what} as a whole percentage` }),
      z.minimum(0, { error: "Use a percentage from 0 to 100" }),
      z.maximum(100, { error: "Use a percentage from 0 to 100" }),
    );

/** The organisation's target share of experienced members and its band (the same schema in the browser and on the server). */
export const MixSettingsSchema = z
  .object({
    mixTarget: percent("target"),
    mixBandLow: percent("lowest share"),
    mixBandHigh: percent("highest share"),
  })
  .check(
    z.refine((s) => s.mixBandLow <= s.mixTarget, { error: "The lowest share must be at or below the target", path: ["mixBandLow"] }),
    z.refine((s) => s.mixBandHigh >= s.mixTarget, { error: "The highest share must be at or above the target", path: ["mixBandHigh"] }),
  );
