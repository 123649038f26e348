// Time limits on the GitHub API. A server that accepts a request and never answers would otherwise
// hold the step until the job's own timeout (six hours by default), with no outputs written. Each
// request gets a timeout, and all of a step's requests share a budget; a request that runs out of
// either is aborted and fails with an ApiTimeoutError, which the caller treats as any other failed
// call (a warning, then the fallbacks).
import type { Octokit } from './client.ts';

export interface ApiTimeouts {
  /** Longest wait for one request, its answer read whole. */
  requestMs: number;
  /** Longest time all of a step's API work may take together (time spent linting not counted). */
  budgetMs: number;
}

export const DEFAULT_API_TIMEOUTS: ApiTimeouts = { requestMs: 30_000, budgetMs: 120_000 };

/** Environment variables that change the limits, in seconds (tests set them low). */
export const API_TIMEOUT_VARIABLES = { requestMs: 'ADRLINT_API_TIMEOUT', budgetMs: 'ADRLINT_API_BUDGET' } as const;

export class ApiTimeoutError extends Error {
  constructor(
    /** Which limit ran out: one request's, or the budget of all of them. */
    readonly limit: 'request' | 'budget',
    readonly limitMs: number,
  ) {
    super(
      limit === 'request'
        ? `GitHub did not answer within ${seconds(limitMs)} (${API_TIMEOUT_VARIABLES.requestMs})`
        : `the GitHub API calls of this step used up their budget of ${seconds(limitMs)} (${API_TIMEOUT_VARIABLES.budgetMs})`,
    );
    this.name = 'ApiTimeoutError';
  }
}

/** "30 s", "0.25 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * Counts the time spent in API steps against the budget. Only time inside `step` counts, so a long
 * lint between two steps does not eat the API's time. Steps run one after another.
 */
export class ApiClock {
  private spentMs = 0;
  private stepStartedAt: number | null = null;
  /** Set when a request ran out of budget; timers may fire a fraction of a millisecond early. */
  private exhausted = false;

  constructor(readonly timeouts: ApiTimeouts) {}

  remainingMs(): number {
    if (this.exhausted) return 0;
    const current = this.stepStartedAt === null ? 0 : performance.now() - this.stepStartedAt;
    return this.timeouts.budgetMs - this.spentMs - current;
  }

  /** How long the next request may take, and which limit that is. */
  nextRequest(): { ms: number; limit: 'request' | 'budget' } {
    const remaining = this.remainingMs();
    return remaining < this.timeouts.requestMs ? { ms: remaining, limit: 'budget' } : { ms: this.timeouts.requestMs, limit: 'request' };
  }

  exhaust(): void {
    this.exhausted = true;
  }

  async step<T>(work: () => Promise<T>): Promise<T> {
    this.stepStartedAt = performance.now();
    try {
      return await work();
    } finally {
      this.spentMs += performance.now() - this.stepStartedAt;
      this.stepStartedAt = null;
    }
  }
}

/**
 * Bound every request the Octokit makes (each page of a paginated list too) by the clock: the
 * request is aborted when its time runs out, also while its answer is still being read.
 */
export function limitRequests(octokit: Octokit, clock: ApiClock): void {
  octokit.hook.wrap('request', async (request, options) => {
    const { ms, limit } = clock.nextRequest();
    const limitMs = limit === 'request' ? ms : clock.timeouts.budgetMs;
    if (ms <= 0) throw new ApiTimeoutError(limit, limitMs);
    const timeout = new ApiTimeoutError(limit, limitMs);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (limit === 'budget') clock.exhaust();
      controller.abort(timeout);
    }, ms);
    // before-after-hook hands every layer the same options object, bound in advance: the signal
    // reaches the request only when set on that object, not on a copy passed along. (No caller of
    // ours sets a signal of its own.)
    options.request = { ...options.request, signal: controller.signal };
    try {
      const response = await request(options);
      // Octokit reads an aborted body as "" and resolves: the answer is not whole.
      if (controller.signal.reason === timeout) throw timeout;
      return response;
    } catch (error) {
      throw controller.signal.reason === timeout ? timeout : error;
    } finally {
      clearTimeout(timer);
    }
  });
}
