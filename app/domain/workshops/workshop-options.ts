// Without zod: the candidate's booking page shows it before zod has loaded.

/** Booking and changing a booking can be done until this long before the start. */
export const BOOKING_CUTOFF_HOURS = 24;
