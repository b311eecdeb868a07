// The application form's choices, without zod: the form shows them before zod has loaded.

export const SOURCES = {
  job_board: "A job website",
  social_media: "Social media",
  community_outreach: "A community event or group",
  college: "College or university",
  job_centre: "Jobcentre",
  referral: "Someone who works here told me",
  other: "Somewhere else",
} as const;

export const AVAILABILITY = {
  weekday_mornings: "Weekday mornings",
  weekday_afternoons: "Weekday afternoons",
  weekday_evenings: "Weekday evenings",
  weekends: "Weekends",
  nights: "Nights",
} as const;

export const ADJUSTMENTS = {
  questions_in_advance: "See questions in advance",
  extra_time: "Extra time",
  quiet_space: "A quiet space",
  step_free: "A step-free venue",
  call_instead: "A phone call instead of email",
} as const;

export const APPLICATION_ARRAY_FIELDS = ["availability", "adjustments"] as const;
