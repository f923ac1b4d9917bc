// Bounded retries with exponential backoff and full jitter. The SDK's own `autoretry` never retries
// service errors, so every call goes through here; the policy is an option so tests run in ms.
import { ApiError } from './errors.js';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Delay cap before the first retry, in ms; doubles per retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Throttling asks for more patience than a flaky socket: its delays are multiplied by this. */
  throttleFactor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 10_000, throttleFactor: 2 };

/** Delay before retry number `retry` (1-based): uniform in [cap/2, cap], cap = min(max, base·2^(retry-1)). */
export function backoffDelay(retry: number, policy: RetryPolicy, throttled: boolean, random: () => number = Math.random): number {
  const base = policy.baseDelayMs * (throttled ? policy.throttleFactor : 1);
  const cap = Math.min(policy.maxDelayMs, base * 2 ** (retry - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryHooks {
  onRetry?: (err: ApiError, attempt: number, delayMs: number) => void;
  /** Called before each attempt after the first; may change what the next attempt sends. */
  beforeRetry?: (err: ApiError) => void;
  /** Extra kinds to retry for this call (e.g. an idempotency mismatch after a new token). */
  alsoRetry?: (err: ApiError, attempt: number) => boolean;
  random?: () => number;
  /** Absolute time (ms epoch) after which no new attempt starts. */
  deadline?: number;
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempts run out. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      e.attempts = n;
      const again = e.retryable || (hooks.alsoRetry?.(e, n) ?? false);
      if (!again || n >= policy.maxAttempts) throw e;
      const delay = backoffDelay(n, policy, e.kind === 'throttled', hooks.random);
      if (hooks.deadline !== undefined && Date.now() + delay > hooks.deadline) throw e;
      hooks.onRetry?.(e, n, delay);
      await sleep(delay);
      hooks.beforeRetry?.(e);
    }
  }
}
