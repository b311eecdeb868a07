import { AsyncLocalStorage } from "node:async_hooks";
import { singleton } from "#db/singleton.js";

/** What every log line written while serving one request (or running one job) carries. */
export type LogContext = { requestId?: string; orgId?: string; jobId?: string; queue?: string };

// One store per process: server.ts and the Remix build each bundle their own copy of this module,
// and the request starts in the one while the organisation is found in the other.
const store = () => singleton("log-context", () => new AsyncLocalStorage<LogContext>());

export const runWithLogContext = <T>(context: LogContext, work: () => T): T => store().run(context, work);

export const currentLogContext = (): LogContext | undefined => store().getStore();

/** Called by the tenant scope helpers once they know whose request this is (an id, never a name). */
export function setLogOrg(orgId: string) {
  const context = store().getStore();
  if (context) context.orgId = orgId;
}
