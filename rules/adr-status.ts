import { isScalar } from 'yaml';
import { distance } from 'fastest-levenshtein';
import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { frontmatterField, keyRange, nodeRange } from '../src/parse.ts';
import { matchStatus } from '../src/status.ts';

export interface Options {
  /** Every ADR must give a status (MADR marks it optional, so the default is false). */
  requireStatus?: boolean;
}

export const meta = {
  id: 'adr-status',
  description: 'The status is one of the configured statuses, and a superseded record names its successor',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-status'),
    why: 'The status says whether a decision still holds. Indexes, reports and readers filter on it, so a status nobody configured ("done", "Acepted") drops the record out of every list, and "superseded" without a successor leaves the reader with no decision at all.',
    wrong: '# 4. Use PostgreSQL for orders\n\n## Status\n\nDone\n\n## Context\n\nOrders need transactions.\n',
    right: '# 4. Use PostgreSQL for orders\n\n## Status\n\nAccepted\n\n## Context\n\nOrders need transactions.\n',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      requireStatus: { type: 'boolean', default: false, description: 'Report an ADR that gives no status at all (MADR marks the status optional).' },
    },
  },
} satisfies Rule['meta'];

export const check: Rule<Options>['check'] = ({ adr, record, settings, options, report }) => {
  // A frontmatter that does not parse is frontmatter-syntax's: what it says about status is unknown.
  if ((adr.frontmatter && !adr.frontmatter.data) || adr.unterminatedFrontmatter) return;
  const allowed = settings.statuses.join(', ');

  const field = frontmatterField(adr.frontmatter, 'status');
  if (field && adr.frontmatter) {
    const node = field.node;
    if (!node || !isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      report({ range: nodeRange(adr.frontmatter, node, keyRange(adr.frontmatter, field.pair)), message: `"status" must be one of ${allowed}` });
      return;
    }
  }

  const status = record.status;
  if (!status) {
    if (options?.requireStatus) report({ range: record.h1Range ?? [0, 0], message: `The ADR has no status; ${whereToWrite(record.format)} with one of ${allowed}` });
    return;
  }
  // adr-tools writes "Superceded by [2. ...](...)": the spelling of the tool, not an unknown status.
  const written = status.value.replace(/\bsuperced(?=e)/gi, (match) => (match[0] === 'S' ? 'Supersed' : 'supersed'));
  const matched = matchStatus(written, settings.statuses);
  if (!matched) {
    const closest = closestStatus(status.value, settings.statuses);
    const text = adr.text.slice(status.range[0], status.range[1]);
    report({
      range: status.range,
      message: `Unknown status "${status.value}"; use one of ${allowed}${closest ? `; did you mean "${closest}"?` : ''}`,
      ...(closest && /^[\p{L}\p{N} -]+$/u.test(text) ? { suggestions: [inCaseOf(text, closest)] } : {}),
    });
    return;
  }
  // The record misses "**Superseded** by [x](y)" (emphasis before the words): read the value too.
  const namesSuccessor =
    record.relations.some((relation) => relation.kind === 'superseded-by') || /\bsuper[sc]eded\s+by\s+\S/i.test(status.value.replace(/[*_`]/g, ''));
  if (matched.toLowerCase() === 'superseded' && !namesSuccessor) {
    report({
      range: status.range,
      message: `Status "${status.value}" does not say what supersedes it; write "superseded by" and a link to the newer ADR (or its number)`,
    });
  }
};

function whereToWrite(format: string): string {
  if (format === 'nygard') return 'add a "## Status" section';
  if (format === 'madr2') return 'add a "- Status:" line under the title';
  return 'add "status:" to the frontmatter';
}

/** The configured status the written one is a typo of, if one is close enough. */
function closestStatus(written: string, statuses: readonly string[]): string | null {
  const cleaned = written.replace(/[*_`]/g, '').trim().toLowerCase();
  const word = /^[\p{L}-]+(?: [\p{L}-]+)?/u.exec(cleaned)?.[0] ?? cleaned;
  let best: { status: string; cost: number } | null = null;
  for (const status of statuses) {
    const wanted = status.toLowerCase();
    const cost = Math.min(distance(cleaned, wanted), distance(word, wanted), distance(word.split(' ')[0] ?? word, wanted));
    if (cost <= Math.max(1, Math.floor(wanted.length / 4)) && (!best || cost < best.cost)) best = { status, cost };
  }
  return best?.status ?? null;
}

/** The suggested status in the written one's case style: "Acepted" → "Accepted", "ACEPTED" → "ACCEPTED". */
function inCaseOf(written: string, status: string): string {
  if (written.length > 1 && written === written.toUpperCase()) return status.toUpperCase();
  if (/^\p{Lu}/u.test(written)) return status.charAt(0).toUpperCase() + status.slice(1);
  return status.charAt(0).toLowerCase() + status.slice(1);
}
