import { describe, expect, it } from "vitest";
import { isOutageError, outageResponse } from "./outage.server.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isOutageError", () => {
  it.each([
    ["PostgreSQL shutting down (pg_ctl stop, failover)", withCode("terminating connection due to administrator command", "57P01")],
    ["PostgreSQL starting up", withCode("the database system is starting up", "57P03")],
    ["too many connections", withCode("sorry, too many clients already", "53300")],
    ["a connection exception", withCode("connection failure", "08006")],
    ["nothing listening", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a connection cut by pg", new Error("Connection terminated unexpectedly")],
    ["no pooled connection in time", new Error("timeout exceeded when trying to connect")],
    ["refused on both addresses of localhost", new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "")],
    ["wrapped in a cause", new Error("could not load the page", { cause: withCode("x", "57P01") })],
  ])("treats %s as an outage", (_, error) => {
    expect(isOutageError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode('duplicate key value violates unique constraint "x"', "23505")],
    ["a syntax error", withCode('syntax error at or near "selec"', "42601")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a thrown Response", new Response("Not found", { status: 404 })],
  ])("does not treat %s as an outage", (_, error) => {
    expect(isOutageError(error)).toBe(false);
  });

  it("answers 503 with a plain-English message and when to retry", async () => {
    const response = outageResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.text()).toBe("We're having a short technical problem. Please try again in a minute.");
  });
});
