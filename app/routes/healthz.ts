/**
 * Liveness: the web process is up and serving. It checks nothing else on purpose: an orchestrator
 * restarts a process whose liveness fails, and restarting every web process because PostgreSQL or
 * Redis is down would not bring them back. Whether the service can do its work is /readyz
 * (app/utils/readiness.server.ts).
 */
export function loader() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
