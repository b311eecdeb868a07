import { createHmac } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getProducerRedis, keyPrefix } from "#jobs/connection.js";
import { getServerEnv } from "../env.server.js";
import { getLogger } from "./logger.server.js";

/**
 * Every limit the web app applies, in one place. `points` requests per `duration` seconds;
 * with `blockDuration`, going over blocks the key for that long.
 */
export const LIMITS = {
  applyByIp: { points: 30, duration: 3600 },
  linkByIp: { points: 10, duration: 900 },
  linkByEmail: { points: 3, duration: 900 },
  freshLinkByIp: { points: 10, duration: 900 },
  signUpByIp: { points: 5, duration: 3600 },
  // The availability check runs as someone types (debounced), so it allows many more.
  slugCheckByIp: { points: 300, duration: 900 },
  confirmResendByUser: { points: 5, duration: 3600 },
  resetByIp: { points: 10, duration: 900 },
  resetByEmail: { points: 3, duration: 900 },
  changePasswordByUser: { points: 10, duration: 900 },
  opsSignInByIp: { points: 20, duration: 900 },
  opsSignInByEmail: { points: 5, duration: 900 },
  // Staff sign-in, after rate-limiter-flexible's "login endpoint protection" example: only
  // failures count, per address and day, and consecutive ones per account *and* address, so a
  // stranger's wrong guesses never lock the right person out from their own address.
  // `points` failures are tolerated; the next one blocks for `blockDuration` (then the count
  // starts again), so the 11th wrong password in a row from one address locks that address out
  // of that account for 15 minutes.
  // NOTE: https://github.com/animir/node-rate-limiter-flexible/wiki/Overall-example#login-endpoint-protection
  signInFailuresByIpPerDay: { points: 100, duration: 86_400, blockDuration: 86_400 },
  signInFailuresByEmailAndIp: { points: 10, duration: 90 * 86_400, blockDuration: 900 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Keys are an HMAC of the email and/or IP address, never the values themselves: anyone who can
 * read Redis learns nothing about who signed in or applied from where.
 */
export function limitKey(name: LimitName, parts: string[]) {
  return createHmac("sha256", getServerEnv().SESSION_SECRET)
    .update(`${name}\0${parts.join("\0")}`)
    .digest("base64url");
}

let lastWarning = 0;
/**
 * Stands in for Redis when it cannot be reached (per process, so limits are per web process
 * until Redis is back). Chosen over "let everything through": sign-in keeps working with Redis
 * down, and password guessing stays limited meanwhile. Warns at most once a minute, no keys.
 */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    private readonly limitName: string,
    opts: ConstructorParameters<typeof RateLimiterMemory>[0],
  ) {
    super(opts);
  }
  private warn() {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    console.warn(`rate limit ${this.limitName}: Redis unreachable, counting in this process's memory instead`);
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.warn();
    return super.consume(...args);
  }
  override get(...args: Parameters<RateLimiterMemory["get"]>) {
    this.warn();
    return super.get(...args);
  }
  override delete(...args: Parameters<RateLimiterMemory["delete"]>) {
    this.warn();
    return super.delete(...args);
  }
}

export type Limiters = Record<LimitName, RateLimiterRedis>;

/**
 * The limiters on one Redis connection. rate-limiter-flexible's RateLimiterRedis counts with one
 * Lua script (SET EX NX, INCRBY, PTTL, EXPIRE) and blocks with SET EX: all Redis 2.6+, so it
 * works on the Redis 6 the README names (the old counter needed Redis 7's EXPIRE ... NX).
 */
export function createLimiters(redis: Redis, prefix = keyPrefix()): Limiters {
  const entries = Object.entries(LIMITS).map(([name, limit]) => {
    const options = { ...limit, keyPrefix: `${prefix}:rl:${name}` };
    const limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      // ioredis, not the `redis` package. Not ready (down, reconnecting): go straight to insurance.
      useRedisPackage: false,
      rejectIfRedisNotReady: true,
      // Node timers cannot run past 24.8 days (the memory limiter's 90 days would expire at
      // once): a day in memory is plenty for an outage.
      insuranceLimiter: new InsuranceLimiter(name, { ...options, duration: Math.min(limit.duration, 86_400) }),
    });
    return [name, limiter] as const;
  });
  return Object.fromEntries(entries) as Limiters;
}

/**
 * The producer connection refuses commands until it is ready (no offline queue), so right after
 * start-up wait for it, briefly; a connection that is down or reconnecting is not waited for.
 */
async function whenConnected(redis: Redis, ms = 1000) {
  if (redis.status !== "connecting" && redis.status !== "connect") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once("ready", done);
  });
}

let shared: { redis: Redis; limiters: Limiters } | undefined;
async function limiters(): Promise<Limiters> {
  const redis = getProducerRedis();
  await whenConnected(redis);
  // The producer connection is a singleton that tests and shutdown may replace: follow it.
  if (shared?.redis !== redis) shared = { redis, limiters: createLimiters(redis) };
  return shared.limiters;
}

/** Counts one request against `name` for the key made of `parts`; false once over the limit. */
export async function hitRateLimit(name: LimitName, ...parts: string[]): Promise<boolean> {
  return consume((await limiters())[name], limitKey(name, parts));
}

async function consume(limiter: RateLimiterRedis, key: string) {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    // Neither Redis nor the insurance limiter answered: never let that stop the request.
    getLogger().warn({ err: error }, "rate limit not checked");
    return true;
  }
}

/**
 * Staff sign-in protection. Checked before the password (a blocked caller learns nothing),
 * then `failed()` or `succeeded()` once the password has been checked.
 */
export async function signInLimit(email: string, ip: string, all?: Limiters) {
  const { signInFailuresByIpPerDay: byIp, signInFailuresByEmailAndIp: byPair } = all ?? (await limiters());
  const ipKey = limitKey("signInFailuresByIpPerDay", [ip]);
  const pairKey = limitKey("signInFailuresByEmailAndIp", [email, ip]);
  // Over `points` means blocked: the failure that went over set a block of `blockDuration`.
  const over = (res: RateLimiterRes | null, points: number) => res !== null && res.consumedPoints > points;
  return {
    /** Minutes to wait before trying again, or 0 when the password may be checked. */
    async blockedForMinutes(): Promise<number> {
      try {
        const [ipRes, pairRes] = await Promise.all([byIp.get(ipKey), byPair.get(pairKey)]);
        const waits = [over(ipRes, byIp.points) ? ipRes : null, over(pairRes, byPair.points) ? pairRes : null];
        const ms = Math.max(0, ...waits.map((res) => res?.msBeforeNext ?? 0));
        return ms > 0 ? Math.ceil(ms / 60_000) : 0;
      } catch (error) {
        console.warn(`sign-in limit not checked: ${(error as Error).message}`);
        return 0;
      }
    },
    async failed() {
      await Promise.all([consume(byIp, ipKey), consume(byPair, pairKey)]);
    },
    /** A right password ends the run of consecutive failures from this address. */
    async succeeded() {
      await byPair.delete(pairKey).catch((error: Error) => console.warn(`sign-in limit not reset: ${error.message}`));
    },
  };
}
