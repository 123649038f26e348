import { isScalar } from 'yaml';
import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { frontmatterField, keyRange, nodeRange } from '../src/parse/frontmatter.ts';
import { readStatus, statusNamesSuccessor, statusVocabulary, type StatusVocabulary } from '../src/model/status.ts';

export interface Options {
  /** Every ADR must give a status (MADR marks it optional, so the default is false). */
  requireStatus?: boolean;
  /** Report a synonym of a status ("Approved" for "accepted"), not only a status the set does not know. */
  exactVocabulary?: boolean;
}

export const meta = {
  id: 'adr-status',
  description: 'The status is one of the set\'s statuses (or a well-known synonym of one), and a superseded record names its successor',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-status'),
    why: [
      'The status says whether a decision still holds. Indexes, reports and readers filter on it, so a status nobody defined ("Acepted", "on hold") drops the record out of every list, and "superseded" without a successor leaves the reader with no decision at all.',
      'The statuses are the config\'s `statuses` when it sets them, else those the folder\'s template file lists on its status line (`Proposed | Accepted | Deprecated | Superseded`, `* Statut: [proposé | rejeté | accepté | …]`), else proposed, accepted, rejected, deprecated and superseded.',
      'Well-known synonyms count as the status they mean: "Approved", "Implemented" and "accepté" are accepted; "Draft", "Pending" and "In Review" are proposed; "Declined" is rejected; "Obsolete" and "Retired" are deprecated; "Replaced by" is superseded (the full table is in the README). With the default statuses they pass silently, unless `exactVocabulary` is on. Where the config or the template lists the set\'s own words, a synonym outside them is reported with the word to write (a warning when the list is the template\'s).',
      'An unknown status is reported with the closest status by spelling and by meaning ("on hold" is closest to proposed, but may be a paused decision, so it is not taken for one). To accept it, list it under `statuses` in the config (`adrlint init` writes the set\'s own) or on the template\'s status line.',
    ].join('\n\n'),
    wrong: '# 4. Use PostgreSQL for orders\n\n## Status\n\nOn hold\n\n## Context\n\nOrders need transactions.\n',
    right: '# 4. Use PostgreSQL for orders\n\n## Status\n\nApproved\n\n## Context\n\nOrders need transactions.\n',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      requireStatus: { type: 'boolean', default: false, description: 'Report an ADR that gives no status at all (MADR marks the status optional).' },
      exactVocabulary: {
        type: 'boolean',
        default: false,
        description: 'Report a well-known synonym ("Approved", "Draft", "Replaced by") of one of the statuses with the word to write, as the config\'s or the template\'s own list always does.',
      },
    },
  },
} satisfies Rule['meta'];

export const check: Rule<Options>['check'] = ({ adr, record, settings, conventions, options, report }) => {
  // A frontmatter that does not parse is frontmatter-syntax's: what it says about status is unknown
  // (one that parsed to a single value with no "status" in it hides none: the body's is read).
  const frontmatter = adr.frontmatter;
  if ((frontmatter && !frontmatter.data && /\bstatus\b/i.test(frontmatter.yamlText)) || adr.unterminatedFrontmatter) return;
  const vocabulary = statusVocabulary(settings, conventions.template);
  const allowed = vocabulary.statuses.join(', ');

  const field = frontmatterField(frontmatter, 'status');
  if (field && frontmatter) {
    const node = field.node;
    if (!node || !isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      report({ range: nodeRange(frontmatter, node, keyRange(frontmatter, field.pair)), message: `"status" must be one of ${allowed}` });
      return;
    }
  }

  const status = record.status;
  if (!status) {
    if (options?.requireStatus) report({ range: record.h1Range ?? [0, 0], message: `The ADR has no status; ${whereToWrite(record.format)} with one of ${allowed}` });
    return;
  }
  const text = adr.text.slice(status.range[0], status.range[1]);
  // Only a status that is words alone is offered a replacement: "Replaced by [x](y)" keeps its link.
  const replaceable = /^[\p{L}\p{N} -]+$/u.test(text);
  const reading = readStatus(status.value, vocabulary, options?.exactVocabulary === true);
  if (reading.kind === 'synonym') {
    report({
      range: status.range,
      message: `Status "${status.value}" means "${reading.word}"; write "${reading.word}"${asTheSetDoes(vocabulary)}`,
      // A list the template implies is a habit, not a rule anyone wrote down: a warning.
      ...(vocabulary.source === 'template' ? { severity: 'warn' as const } : {}),
      ...(replaceable ? { suggestions: [inCaseOf(text, reading.word)] } : {}),
    });
    return;
  }
  if (reading.kind === 'unknown') {
    const hints = [...new Set([reading.bySpelling, reading.byMeaning].filter((word): word is string => word !== null))];
    report({ range: status.range, message: unknownMessage(status.value, reading, vocabulary), ...(replaceable && hints.length ? { suggestions: hints.map((word) => inCaseOf(text, word)) } : {}) });
    return;
  }
  // The record misses "**Superseded** by [x](y)" (emphasis before the words): read the value too.
  const namesSuccessor = record.relations.some((relation) => relation.kind === 'superseded-by') || statusNamesSuccessor(status.value);
  if (reading.meaning === 'superseded' && !namesSuccessor) {
    report({
      range: status.range,
      message: `Status "${status.value}" does not say what supersedes it; write "superseded by" and a link to the newer ADR (or its number)`,
    });
  }
};

/** Where the set's own word comes from, for the message: the config's list or the template's. */
function asTheSetDoes(vocabulary: StatusVocabulary): string {
  if (vocabulary.source === 'config') return ', as the configured statuses do';
  if (vocabulary.source === 'template') return `, as ${vocabulary.template} does`;
  return '';
}

/** "Unknown status "on hold" (closest in meaning: "proposed"); use one of ..., or add it to ..." */
function unknownMessage(written: string, reading: { bySpelling: string | null; byMeaning: string | null }, vocabulary: StatusVocabulary): string {
  const { bySpelling, byMeaning } = reading;
  const hints = [bySpelling ? `did you mean "${bySpelling}"?` : null, byMeaning && byMeaning !== bySpelling ? `closest in meaning: "${byMeaning}"` : null].filter(Boolean);
  const accept = vocabulary.source === 'template' ? `add it to the statuses ${vocabulary.template} lists` : 'add it to "statuses" in the config (adrlint init writes them)';
  return `Unknown status "${written}"${hints.length ? ` (${hints.join('; ')})` : ''}; use one of ${vocabulary.statuses.join(', ')}, or ${accept}`;
}

function whereToWrite(format: string): string {
  if (format === 'nygard') return 'add a "## Status" section';
  if (format === 'madr2') return 'add a "- Status:" line under the title';
  return 'add "status:" to the frontmatter';
}

/** The suggested status in the written one's case style: "Acepted" → "Accepted", "ACEPTED" → "ACCEPTED". */
function inCaseOf(written: string, status: string): string {
  if (written.length > 1 && written === written.toUpperCase()) return status.toUpperCase();
  if (/^\p{Lu}/u.test(written)) return status.charAt(0).toUpperCase() + status.slice(1);
  return status.charAt(0).toLowerCase() + status.slice(1);
}
