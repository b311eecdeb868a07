// Without zod: the candidate's shadow shift page shows these before zod has loaded.

/** A shift can be picked, accepted, moved or cancelled until this long before it starts. */
export const SHADOW_CUTOFF_HOURS = 12;

export const REFLECTION_ANSWERS = { yes: "Yes, I think so", not_sure: "I am not sure yet", no: "No, I do not think so" } as const;

export const SEEN_LABELS = { clearly: "Seen clearly", some: "Seen some of the time", not_seen: "Not seen" } as const;
export const RECOMMENDATION_LABELS = { yes: "Yes, I would like them in the team", unsure: "I am unsure", no: "No" } as const;
export const SUPPORTED_BY_LABELS = { person: "The person we support", family: "A family member" } as const;
