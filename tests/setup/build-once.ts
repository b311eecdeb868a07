import { execFileSync } from "node:child_process";

/** The drills run what production runs (build/server.js, build/worker.js), built from this checkout first. */
export default function setup() {
  // As `npm run build` from a shell: vitest's NODE_ENV=test would make Remix emit development JSX.
  execFileSync("npm", ["run", "build"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}
