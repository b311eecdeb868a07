/**
 * Creates a platform operator: `npm run operator:create -- --email ops@example.org`.
 * The password comes from OPERATOR_PASSWORD, or standard input (typed at a prompt, not echoed, or
 * piped). `--reset-password` gives an existing operator a new one and ends their sessions.
 *
 * Runs as the owner (DATABASE_URL): the app's role cannot write operator accounts.
 */
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getServerEnv } from "../app/env.server.js";
import { createOperator, OperatorError } from "../app/domain/operators/operators.server.js";
import { createDb } from "../db/client.js";

async function readPassword(): Promise<string> {
  if (process.env.OPERATOR_PASSWORD) return process.env.OPERATOR_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  // Typed at the terminal: prompt, and echo nothing of what is typed.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password for the new operator: ");
  output._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

export async function main(argv = process.argv.slice(2)) {
  const { values } = parseArgs({ args: argv, options: { email: { type: "string" }, "reset-password": { type: "boolean" } } });
  if (!values.email) {
    console.error("Usage: npm run operator:create -- --email you@example.org [--reset-password]   (password from OPERATOR_PASSWORD or stdin)");
    return 2;
  }
  const password = await readPassword();
  const db = createDb(getServerEnv().DATABASE_URL, 1);
  try {
    const { id, created } = await createOperator(db, { email: values.email, password, reset: values["reset-password"] });
    // The id, not the email: this output may end up in a deployment log.
    console.log(created ? `created operator ${id}` : `set a new password for operator ${id} and ended their sessions`);
    return 0;
  } catch (error) {
    if (error instanceof OperatorError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
