// What a failed GitHub API call means for the Action. 403 and 404 are what a pull request from a
// fork or a read-only token gets, so the caller reports them and carries on; nothing here throws.
// GitHub answers 403 (or 429) to a rate limit too, told apart by its headers and message.
import { ApiTimeoutError } from './api-clock.ts';

export type ApiFailureKind = 'forbidden' | 'rate-limited' | 'not-found' | 'unprocessable' | 'timeout' | 'other';

export interface ApiFailure {
  kind: ApiFailureKind;
  /** The HTTP status GitHub answered with; null when no answer came (network, DNS, a timeout, a bug). */
  status: number | null;
  /** One line, fit for a log: GitHub's message (and its `errors`), never a credential. */
  message: string;
  /** For a rate limit, when GitHub takes requests again, as its headers say ("in 60 s", "at 14:05 UTC"). */
  retry?: string;
}

const MAX_MESSAGE = 300;

/** Classify anything an Octokit call threw (a RequestError, a network failure, any value). */
export function apiFailure(error: unknown): ApiFailure {
  const message = oneLine(redact(describe(error)));
  if (error instanceof ApiTimeoutError) return { kind: 'timeout', status: null, message };
  const status = answeredStatus(error);
  if (status === 429 || (status === 403 && isRateLimit(error, message))) {
    const retry = retryTime(headersOf(error));
    return { kind: 'rate-limited', status, message, ...(retry ? { retry } : {}) };
  }
  const kind: ApiFailureKind = status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 422 ? 'unprocessable' : 'other';
  return { kind, status, message };
}

function headersOf(error: unknown): Record<string, unknown> {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : {};
}

// GitHub's primary limit empties x-ratelimit-remaining; a secondary limit sends retry-after; both
// say "rate limit" in the message (GitHub's documented ways to tell them from a refused permission).
function isRateLimit(error: unknown, message: string): boolean {
  const headers = headersOf(error);
  return String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined || /\brate limit/i.test(message);
}

function retryTime(headers: Record<string, unknown>): string | null {
  const after = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(after) && after >= 0) return `in ${after} s`;
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset) && reset > 0) return `at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC`;
  return null;
}

// Octokit gives a network failure status 500 too; only a response makes a status GitHub's.
function answeredStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, response } = error as { status?: unknown; response?: { status?: unknown } };
  if (typeof response?.status === 'number') return response.status;
  if (response === undefined && typeof status === 'number' && status !== 500) return status;
  return null;
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const data = (error as { response?: { data?: unknown } }).response?.data;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    const { message, errors } = data as { message: string; errors?: unknown };
    const details = Array.isArray(errors) ? errors.map(errorDetail).filter(Boolean) : [];
    return details.length > 0 ? `${message}: ${details.join('; ')}` : message;
  }
  if (typeof data === 'string' && data.trim() !== '') return data;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : 'unknown error';
}

// GitHub's `errors` are strings or objects such as { resource, field, code, message }.
function errorDetail(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (typeof detail !== 'object' || detail === null) return '';
  const { message, field, code } = detail as { message?: unknown; field?: unknown; code?: unknown };
  if (typeof message === 'string') return message;
  return [field, code].filter((part) => typeof part === 'string').join(' ');
}

// GitHub never echoes a token, but a proxy or a misconfigured base URL may; scrub what looks like one.
function redact(text: string): string {
  return text
    // A word after "token"/"bearer" is a credential when it is long and not plain prose.
    .replace(/\b(token|bearer|basic)\s+(?=[^\s,;'"]*[\d_.\-])[^\s,;'"]{8,}/gi, '$1 [REDACTED]')
    .replace(/\b(gh[pousr]_[A-Za-z0-9_]{10,}|github_pat_[A-Za-z0-9_]{10,})/g, '[REDACTED]')
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//[REDACTED]@');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}
