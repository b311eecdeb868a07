import * as z from "zod/mini";

import { BOOKING_CUTOFF_HOURS } from "./workshop-options.js";

export { BOOKING_CUTOFF_HOURS };

export const BookSeatSchema = z.object({
  // A guid, not any text: it goes straight into a uuid query.
  workshopId: z.guid({ error: "Choose a date" }),
  adjustments: z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" })),
});

const date = z.string({ error: "Enter the date" }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the date, like 2026-12-01" }));
const time = z.string({ error: "Enter a time" }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter a time like 09:30" }));
const text = (message: string, max = 300) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

export const WorkshopSchema = z
  .object({
    date,
    startTime: time,
    endTime: time,
    venueName: text("Enter the venue's name"),
    venueAddress: text("Enter the venue's address"),
    directions: z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" })),
    accessibility: z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" })),
    capacity: z.coerce
      .number({ error: "Enter how many seats there are" })
      .check(
        z.int({ error: "Enter a whole number of seats" }),
        z.minimum(1, { error: "Enter at least 1 seat" }),
        z.maximum(200, { error: "Use 200 seats or fewer" }),
      ),
    teamIds: z
      .array(z.guid({ error: "Choose teams from the list" }))
      .check(z.minLength(1, { error: "Choose at least one team it recruits for" })),
    exerciseIds: z.array(z.guid({ error: "Choose exercises from the list" })),
  })
  .check(z.refine((w) => w.endTime > w.startTime, { error: "End after the start time", path: ["endTime"] }));

export type WorkshopInput = z.infer<typeof WorkshopSchema>;
export const WORKSHOP_ARRAY_FIELDS = ["teamIds", "exerciseIds"] as const;

export const ATTENDANCE_LABELS = { attended: "Attended", late: "Late", no_show: "Did not come" } as const;
