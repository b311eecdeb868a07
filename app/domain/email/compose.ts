import type { Attachment, Email } from "#emails/send-email.server.js";

/** What an area's composer returns for an outbox row: the email and who it goes to. */
export type Composed = { to: string; email: Email; attachments?: Attachment[] };

/** What every composer is given besides the row: the app's address and the organisation's name. */
export type ComposeContext = { appUrl: string; orgName: string };
