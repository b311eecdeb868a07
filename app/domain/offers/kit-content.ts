/**
 * What the weekly keep-in-touch email says, before an organisation writes its own (settings):
 * meet the team, what induction looks like, a message from the buddy, then a steady check.
 * Weeks after the last message repeat the last one.
 */
export const DEFAULT_KIT_CONTENT = [
  {
    week: 1,
    title: "Meet your team",
    body: "Your new team is looking forward to meeting you. Each team plans its own rotas and shares the work between them, so you will get to know everyone quickly. Your buddy will ring you this week to say hello.",
  },
  {
    week: 2,
    title: "What your first weeks look like",
    body: "Your induction starts on your first day. You go on visits with your buddy and see how the team plans its week. You also do the training every new colleague does. Nobody expects you to know it all at the start.",
  },
  {
    week: 3,
    title: "A message from your buddy",
    body: "Your buddy is there for any question, big or small, before you start and in your first months. If anything is worrying you, or your plans change, just tell us.",
  },
  {
    week: 4,
    title: "Getting ready to start",
    body: "We are getting everything ready for your first day. If your checks need anything more from you, we will be in touch. We are glad you are joining us.",
  },
] as const;

export const KIT_WEEKS = DEFAULT_KIT_CONTENT.length;

export type KitMessage = { week: number; title: string; body: string };

/** The message for week `week`: the organisation's own where it has one, else the default; later weeks repeat the last. */
export function kitMessageFor(week: number, saved: KitMessage[]): KitMessage {
  const slot = Math.min(Math.max(week, 1), KIT_WEEKS);
  return saved.find((m) => m.week === slot) ?? DEFAULT_KIT_CONTENT[slot - 1];
}
