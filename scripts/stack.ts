import { type ChildProcess, spawn } from "node:child_process";
import { startMailCapture } from "../tests/support/mail-capture-server.js";

/**
 * Runs the whole product on this machine: the local email capture server (in this process),
 * the built web server and the worker (child processes). Used by `npm run demo` and the e2e tests.
 * Both run the compiled files `npm run build` makes (build/server.js, build/worker.js), as
 * production does, so the e2e tests test what is deployed.
 */
export async function startStack({ env, port, mailPort }: { env: Record<string, string>; port: number; mailPort: number }) {
  const capture = await startMailCapture(mailPort);
  const childEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    RESEND_BASE_URL: capture.url,
    DEV_MAILBOX_URL: capture.url,
  };
  const children: ChildProcess[] = [];
  const run = (name: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ["--enable-source-maps", ...args], {
      env: { ...childEnv, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => process.stdout.write(prefix(name, d)));
    child.stderr?.on("data", (d) => process.stderr.write(prefix(name, d)));
    child.on("exit", (code, signal) => {
      if (!stopping) console.error(`${name} stopped (${signal ?? code})`);
    });
    children.push(child);
  };
  let stopping = false;
  run("web", ["build/server.js"], { NODE_ENV: env.NODE_ENV ?? "production" });
  run("worker", ["build/worker.js"]);
  const stop = async () => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await capture.close();
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { mailUrl: capture.url, stop };
}

const prefix = (name: string, data: Buffer) =>
  data
    .toString()
    .split("\n")
    .filter(Boolean)
    .map((line) => `[${name}] ${line}\n`)
    .join("");

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
