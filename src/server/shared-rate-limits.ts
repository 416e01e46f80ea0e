import type {
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
  RateLimitPluginOptions,
} from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { RateLimitRepository } from '../db/repositories/rate-limit-repository.js';
import type { Clock } from './ids.js';

type Counted = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * @fastify/rate-limit's store on the database: one upsert per hit (rate-limit-repository.ts), so every server
 * on the database counts into the same window. Time is the server's clock: the window's end is written by
 * the hit that opens it, and servers whose clocks differ by a second disagree by that second at most.
 */
class DatabaseStore implements FastifyRateLimitStore {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly clock: Clock,
    /** The route's method and path for a route's limit, so two routes' limits never share a key. */
    private readonly prefix = '',
  ) {}

  incr(key: string, callback: Counted, timeWindow: number): void {
    const now = this.clock.now();
    this.counters
      .hit(this.prefix + key, now, new Date(now.getTime() + timeWindow))
      .then(({ hits, resetAt }) =>
        callback(null, { current: hits, ttl: Math.max(0, resetAt.getTime() - now.getTime()) }),
      )
      .catch((error: Error) => callback(error));
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // A limit made with createRateLimit has no route: its keys are its own (auth-routes.ts prefixes them).
    const { method, url } =
      (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
    const prefix = method && url ? `${method} ${url}|` : '';
    return new DatabaseStore(this.counters, this.clock, prefix);
  }
}

/** The plugin's options that say where it counts, and what to close when the app closes. */
export interface SharedRateLimits {
  options: Pick<RateLimitPluginOptions, 'store' | 'redis' | 'nameSpace'>;
  close(): Promise<void>;
}

/**
 * Where the sign-in limits count: in Redis when COSELL_REDIS_URL is set (the plugin's own Redis store: one
 * Lua script per hit), else in the database's `rate_limit_counters`. Either way every server behind the
 * load balancer sees the same counts, so adding servers does not multiply an attacker's attempts.
 * Redis must answer at start: a wrong URL stops the server rather than fail every sign-in later.
 */
export async function sharedRateLimits(options: {
  redisUrl: string | undefined;
  counters: RateLimitRepository;
  clock: Clock;
  log: { error(details: object, message: string): void };
}): Promise<SharedRateLimits> {
  if (!options.redisUrl) {
    const { counters, clock } = options;
    const store: FastifyRateLimitStoreCtor = class extends DatabaseStore {
      constructor() {
        super(counters, clock);
      }
    };
    return { options: { store }, close: async () => undefined };
  }
  const redis = new Redis(options.redisUrl, {
    // A sign-in waits for its count: when Redis is away, fail it after a reconnection attempt, not twenty.
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
  });
  redis.on('error', (error: Error) => options.log.error({ err: error }, 'Redis (rate limits) failed'));
  try {
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`COSELL_REDIS_URL: Redis does not answer (${(error as Error).message})`);
  }
  return {
    options: { redis, nameSpace: 'cosell-rate-limit:' },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
