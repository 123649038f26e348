// What a failed GitHub API call means for the Action. 403 and 404 are what a pull request from a
// fork or a read-only token gets, so the caller reports them and carries on; nothing here throws.

export type ApiFailureKind = 'forbidden' | 'not-found' | 'unprocessable' | 'other';

export interface ApiFailure {
  kind: ApiFailureKind;
  /** The HTTP status GitHub answered with; null when no answer came (network, DNS, a bug). */
  status: number | null;
  /** One line, fit for a log: GitHub's message (and its `errors`), never a credential. */
  message: string;
}

const MAX_MESSAGE = 300;

/** Classify anything an Octokit call threw (a RequestError, a network failure, any value). */
export function apiFailure(error: unknown): ApiFailure {
  const status = answeredStatus(error);
  const kind: ApiFailureKind = status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 422 ? 'unprocessable' : 'other';
  return { kind, status, message: oneLine(redact(describe(error))) };
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
