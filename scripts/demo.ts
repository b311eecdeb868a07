import { execSync } from "node:child_process";
import { getServerEnv } from "../app/env.server.js";
import { createDb } from "../db/client.js";
import { migrateToLatest } from "../db/migrate.js";
import { DEMO_OPERATOR, DEMO_PASSWORD, seed } from "../db/seeds/seed.js";
import { startStack } from "./stack.js";

// `npm run demo`: after `npm install`, migrate, seed, build, then run web + worker + mail capture.
const env = getServerEnv();
const mailPort = Number(process.env.MAIL_CAPTURE_PORT ?? 3025);

await migrateToLatest(env.DATABASE_URL);
const owner = createDb(env.DATABASE_URL, 2);
const created = await seed(owner);
await owner.destroy();
console.log(created.length ? `seeded ${created.join(", ")}` : "demo organisations already seeded");
execSync("npm run build", { stdio: "inherit" });

const stack = await startStack({ env: { APP_URL: env.APP_URL }, port: env.PORT, mailPort });
console.log(`
Circle Hire is running.

  Careers page     ${env.APP_URL}/o/oakfield/jobs
  Staff sign in    ${env.APP_URL}/sign-in
  Dev mailbox      ${env.APP_URL}/dev/mailbox
  Queue dashboard  ${env.APP_URL}/ops/queues (operator ${DEMO_OPERATOR})

  Sign in as lead@oakfield.test, coach@oakfield.test, sam@oakfield.test
  or lead@riverside.test, all with the password ${DEMO_PASSWORD}

  For the funnel analytics with three years of numbers, in another terminal:
  npm run seed:scale -- --applications 20000, then sign in as lead@scale.test

Press Ctrl+C to stop.
`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => stack.stop().then(() => process.exit(0)));
}
