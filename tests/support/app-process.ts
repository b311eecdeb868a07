/**
 * The compiled web server or worker (build/server.js, build/worker.js: what production runs) as a
 * child process a drill can watch, kill and restart. Killed by an exit hook if the test dies first.
 */
import { type ChildProcess, spawn } from "node:child_process";

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export type AppProcess = ReturnType<typeof startApp>;

export function startApp(kind: "web" | "worker", env: Record<string, string>) {
  const child = spawn(process.execPath, ["--enable-source-maps", kind === "web" ? "build/server.js" : "build/worker.js"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    /** Resolves when the output matches `pattern`; rejects if the process exits first or after `ms`. */
    async waitFor(pattern: RegExp, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(output)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${kind} exited before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${kind} did not print ${pattern} within ${ms} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
