import type { RubricCriterion } from "#db/schema.js";

type Exercise = { title: string; brief: string; rubric: RubricCriterion[] };

const levels = (l1: string, l2: string, l3: string, l4: string) => ({ "1": l1, "2": l2, "3": l3, "4": l4 });

/** The scenario library a new organisation starts with. Original wording. */
export const DEFAULT_EXERCISES: Exercise[] = [
  {
    title: "Plan next week's rota",
    brief:
      "Your team supports eight people at home. Next week two of you are on leave and one person's visits change from mornings to evenings. In your group, plan the week so every visit is covered, nobody works more than their hours, and each person sees faces they know.",
    rubric: [
      {
        key: "shares_load",
        criterion: "Shares the work fairly",
        value: "collaboration",
        levels: levels(
          "Plans only their own shifts",
          "Takes part when asked",
          "Offers options that help others",
          "Helps the group find a fair plan everyone agrees to",
        ),
      },
      {
        key: "person_first",
        criterion: "Keeps the people supported in mind",
        value: "compassion",
        levels: levels(
          "Talks only about hours",
          "Mentions the people once",
          "Checks each change against what people need",
          "Makes continuity for each person the group's test",
        ),
      },
      {
        key: "owns_gaps",
        criterion: "Owns the gaps",
        value: "autonomy",
        levels: levels(
          "Leaves gaps for someone else",
          "Points out gaps",
          "Suggests how to fill gaps",
          "Takes on a gap and checks it is really covered",
        ),
      },
    ],
  },
  {
    title: "What if? cards",
    brief:
      "Take a card each and read it to the group. Each card is something that could happen on a visit: a locked door, a fall, a family member who disagrees with the plan. Say what you would do first, and why. Then the group adds ideas.",
    rubric: [
      {
        key: "safe_first",
        criterion: "Acts safely and tells the right people",
        value: "responsibility",
        levels: levels(
          "Misses a safety risk",
          "Sees the risk but not who to tell",
          "Acts safely and tells the team",
          "Acts safely, tells the team and records it",
        ),
      },
      {
        key: "asks_why",
        criterion: "Asks questions before deciding",
        value: "curiosity",
        levels: levels(
          "Decides straight away",
          "Asks one question",
          "Asks what the person wants",
          "Asks, listens, then changes their plan",
        ),
      },
      {
        key: "fresh_ideas",
        criterion: "Finds a kind way through",
        value: "creativity",
        levels: levels(
          "Only one fixed answer",
          "Repeats the usual way",
          "Suggests a different way",
          "Finds a new way that suits the person",
        ),
      },
    ],
  },
  {
    title: "Covering a colleague's sickness",
    brief:
      "It is 6am. A colleague has texted the team: they are ill and cannot do their four visits today. As a group, work out who covers what, how you let the people you support know, and how you check on your colleague.",
    rubric: [
      {
        key: "steps_up",
        criterion: "Steps up without being told",
        value: "autonomy",
        levels: levels("Waits for someone else", "Helps when asked", "Offers to cover a visit", "Organises the cover with the group"),
      },
      {
        key: "cares_for_colleague",
        criterion: "Cares for the colleague too",
        value: "compassion",
        levels: levels("Forgets the colleague", "Mentions them", "Suggests checking in", "Plans who checks in and when"),
      },
      {
        key: "communicates",
        criterion: "Keeps everyone informed",
        value: "collaboration",
        levels: levels(
          "Tells nobody",
          "Tells the team only",
          "Tells the team and the people supported",
          "Agrees who tells whom, and checks it happened",
        ),
      },
    ],
  },
];
