// What the candidate pages' actions parse their forms with, imported from here so the browser's
// build of those pages leaves it out (a `.server` module): the pages load zod and the schemas only
// when a form is first checked (useSchemaForm), which keeps them within their 100 KiB budget.
export { AdjustmentsSchema, ApplicationSchema } from "#app/domain/applications/application.schema.js";
export { EmailLinkSchema } from "#app/domain/auth/auth.schema.js";
export { MonitoringSchema } from "#app/domain/diversity/monitoring.schema.js";
export { CandidateWithdrawOfferSchema, DeclineOfferSchema } from "#app/domain/offers/offer.schema.js";
export { CheckinSchema, KitReplySchema } from "#app/domain/offers/touchpoint.schema.js";
export { PickSlotSchema, ReflectionSchema, WithdrawSchema } from "#app/domain/shadow/shadow.schema.js";
export { BookSeatSchema } from "#app/domain/workshops/workshop.schema.js";
export { formValues, parseForm } from "./validation.js";
