/**
 * Admission control for /graphql: rate limits per client address and per API
 * key (token buckets in memory, HTTP 429 with Retry-After), and a limit on
 * operations executing at once with a short queue behind it (the excess gets
 * HTTP 503 with Retry-After at once, before its body is even parsed).
 *
 * Public: `AdmissionLimits`, `TokenBuckets`, `rateLimitMiddleware`, `concurrencyLimit`.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from './auth';
import { sendError } from './http';

export interface AdmissionLimits {
  /** Operations executing at once (NEWSGRAPH_MAX_CONCURRENT). */
  maxConcurrent: number;
  /** Requests waiting for a slot (NEWSGRAPH_MAX_QUEUED); beyond that, 503 at once. */
  maxQueued: number;
  /** Requests per minute from one client address; 0 turns the limit off (NEWSGRAPH_RATE_LIMIT_PER_ADDRESS). */
  ratePerAddress: number;
  /** Requests per minute with one API key; 0 turns the limit off (NEWSGRAPH_RATE_LIMIT_PER_KEY). */
  ratePerKey: number;
}

/** Buckets kept before idle (full) ones are dropped, so a spray of addresses cannot grow memory without end. */
const maxBuckets = 10_000;

/**
 * One token bucket per key: `perMinute` tokens a minute, refilled
 * continuously, holding at most ten seconds' worth (at least one), so a
 * client may burst briefly but not sustain more than its rate.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(perMinute: number) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 6));
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the seconds until one is available. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= maxBuckets) this.dropIdle(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  private dropIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    // Everyone is mid-burst: forget the oldest rather than grow.
    if (this.buckets.size >= maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

function rateLimited(res: Response, retryAfter: number, what: string): void {
  res.setHeader('Retry-After', String(retryAfter));
  sendError(res, 429, `Too many requests from this ${what}; retry in ${retryAfter} s.`, 'RATE_LIMITED');
}

/**
 * Per address, then per key (a valid key's digest, so keys never sit in
 * memory in the clear). Runs before the body is read. `callerOf` gives the
 * caller identified from the Authorization header.
 */
export function rateLimitMiddleware(limits: AdmissionLimits, callerOf: (res: Response) => Caller): RequestHandler {
  const byAddress = limits.ratePerAddress > 0 ? new TokenBuckets(limits.ratePerAddress) : null;
  const byKey = limits.ratePerKey > 0 ? new TokenBuckets(limits.ratePerKey) : null;
  return (req, res, next) => {
    if (byAddress) {
      const wait = byAddress.take(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) return rateLimited(res, wait, 'address');
    }
    const caller = callerOf(res);
    if (byKey && caller.keyId) {
      const wait = byKey.take(caller.keyId);
      if (wait > 0) return rateLimited(res, wait, 'API key');
    }
    next();
  };
}

function overloaded(res: Response): void {
  res.setHeader('Retry-After', '1');
  sendError(res, 503, 'The server is busy; retry in a second.', 'OVERLOADED');
}

/**
 * At most `maxConcurrent` requests past `admit` at once, `maxQueued` more
 * waiting in arrival order; a waiting request leaves the queue when its
 * client disconnects. A slot is given back when the response is sent or the
 * connection closes. `refuseEarly` answers 503 before the body is read when
 * the queue is already full, so a flood costs the server next to nothing.
 */
export function concurrencyLimit(limits: AdmissionLimits): { refuseEarly: RequestHandler; admit: RequestHandler } {
  let running = 0;
  const queue: Array<{ admit: () => void; req: Request }> = [];
  const full = () => running >= limits.maxConcurrent && queue.length >= limits.maxQueued;

  const release = () => {
    running -= 1;
    const next = queue.shift();
    if (next) next.admit();
  };

  const refuseEarly: RequestHandler = (_req, res, next) => (full() ? overloaded(res) : next());
  const admitRequest: RequestHandler = (req, res, next) => {
    const admit = () => {
      running += 1;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (running < limits.maxConcurrent) return admit();
    if (queue.length >= limits.maxQueued) return overloaded(res);
    const entry = { admit, req };
    queue.push(entry);
    res.once('close', () => {
      const index = queue.indexOf(entry);
      if (index >= 0) queue.splice(index, 1);
    });
  };
  return { refuseEarly, admit: admitRequest };
}
