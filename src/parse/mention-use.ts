// Whether a prose mention of a pattern says the ADR uses it. Two things say it does not: where the
// mention stands (a considered option the decision did not choose) and the clause around it ("instead
// of a saga", "we will not use CQRS"). Read at parse time, so that rules and records share one answer.
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

// Sections that weigh options against each other (MADR's "Considered Options" and "Pros and Cons of
// the Options", Nygard sets' "Alternatives"), in the languages ADR sets are written in. A combined
// heading ("Considered Options and Decision Outcome") holds the decision too, so it is not one.
const OPTION_SECTION = new RegExp(
  '^(?:' +
    [
      '(?:the\\s+)?(?:considered|available|other|possible|rejected|evaluated)\\s+(?:options|alternatives|solutions)',
      '(?:options|alternatives)',
      '(?:options|alternatives|solutions)\\s+(?:considered|evaluated|explored|examined)',
      // Not a bare "Pros and Cons": a Nygard record may weigh its own decision under it.
      'pros\\s+and\\s+cons\\s+of\\s+(?:the\\s+)?(?:options|alternatives)(?:\\s+considered)?',
      '(?:options|alternatives|solutions)\\s+(?:considérées|envisagées|examinées|étudiées)',
      'avantages\\s+et\\s+inconvénients(?:\\s+des\\s+(?:options|alternatives|solutions))?',
      'opciones\\s+consideradas|alternativas\\s+consideradas',
      '(?:betrachtete|erwogene|bewertete)\\s+(?:optionen|alternativen)',
    ].join('|') +
    ')$',
  'iu',
);

// "Chosen option: "X", because …" (MADR), in the languages MADR is translated into.
const CHOSEN_OPTION = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:chosen option|option choisie|option retenue|opción elegida|opção escolhida|gewählte option)(?:\*\*|__)?[ \t]*:[ \t]*(.+)$/imu;
// Where the name of an unquoted chosen option ends: its justification.
const JUSTIFICATION = /\s*(?:[,;.]\s|[,;.]?\s+(?:because|since|as it|parce que|parce qu'|car|porque|weil)\b).*$/iu;

/** A heading's text as a section title: no numbering, no trailing colon, no HTML comment. */
function headingTitle(heading: Heading): string {
  return toString(heading, { includeHtml: false })
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+/, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function start(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}

/** The chosen option's name as the decision writes it, or null when it names none. */
export function chosenOptionName(text: string): string | null {
  const line = CHOSEN_OPTION.exec(text)?.[1]?.trim();
  if (!line) return null;
  const quoted = /^(?:\*\*|__)?(["'“‘«])(.+?)(?:["'”’»])/u.exec(line);
  const name = quoted ? quoted[2]! : line.replace(JUSTIFICATION, '');
  return name.replace(/[*_`]/g, '').trim() || null;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Which of the options the chosen name designates: the one it names exactly or as a prefix ("Option 2"
 * for "Option 2: Lunr.js"), else the one sharing most of its words, when that is at least half of them
 * and no other option shares as many. -1 when none stands out.
 */
export function chosenIndex(options: readonly string[], chosen: string): number {
  const target = words(chosen).join(' ');
  const names = options.map((option) => words(option).join(' '));
  const prefixed = names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => name !== '' && (name === target || target.startsWith(`${name} `) || name.startsWith(`${target} `)))
    .sort((a, b) => b.name.length - a.name.length);
  if (prefixed[0]) return prefixed[0].index;
  const wanted = new Set(words(chosen));
  if (wanted.size === 0) return -1;
  const shared = names.map((name) => new Set(name.split(' ').filter((word) => wanted.has(word))).size);
  const best = Math.max(0, ...shared);
  if (best * 2 < wanted.size || shared.filter((count) => count === best).length !== 1) return -1;
  return shared.indexOf(best);
}

interface OptionSpan {
  name: string;
  range: [number, number];
}

/** The options of one options section: its subsections when it has any, else the items of its lists. */
function optionsOf(nodes: readonly RootContent[], end: number): OptionSpan[] {
  const headings = nodes.filter((node): node is Heading => node.type === 'heading');
  if (headings.length > 0) {
    const depth = Math.min(...headings.map((heading) => heading.depth));
    const tops = headings.filter((heading) => heading.depth === depth);
    return tops.map((heading, i) => ({ name: headingTitle(heading), range: [start(heading), tops[i + 1] ? start(tops[i + 1]!) : end] }));
  }
  const spans: OptionSpan[] = [];
  for (const node of nodes) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const first = item.children[0];
      const name = first ? toString(first, { includeHtml: false }).split('\n')[0]!.trim() : '';
      spans.push({ name, range: [item.position?.start.offset ?? 0, item.position?.end.offset ?? 0] });
    }
  }
  return spans;
}

/**
 * Ranges of the file where a mention is not a use: each options section, less the option the decision
 * chose ("Chosen option: …"). With no chosen option named, every option there is only considered.
 */
export function rejectedOptionRanges(tree: Root, text: string): Array<[number, number]> {
  const nodes = tree.children;
  const chosen = chosenOptionName(text);
  const ranges: Array<[number, number]> = [];
  nodes.forEach((node, index) => {
    if (node.type !== 'heading' || !OPTION_SECTION.test(headingTitle(node))) return;
    let next = index + 1;
    while (next < nodes.length && !(nodes[next]!.type === 'heading' && (nodes[next] as Heading).depth <= node.depth)) next++;
    const end = next < nodes.length ? start(nodes[next]!) : text.length;
    const options = optionsOf(nodes.slice(index + 1, next), end);
    const picked = chosen === null ? -1 : chosenIndex(options.map((option) => option.name), chosen);
    const kept = options[picked]?.range;
    const sectionStart = start(node);
    if (!kept) ranges.push([sectionStart, end]);
    else ranges.push([sectionStart, kept[0]], [kept[1], end]);
  });
  return ranges;
}

// What negates or sets aside the words after it, up to the end of its clause.
const NEGATION_CUES = [
  "\\w+n['’]t",
  'not(?!\\s+(?:only|just|merely)\\b)',
  'no',
  'never',
  'neither',
  'nor',
  'cannot',
  'without',
  'instead\\s+of',
  'rather\\s+than',
  'as\\s+opposed\\s+to',
  'in\\s+place\\s+of',
  'unlike',
  '(?:decided?|decides|deciding|voted?|argues?|argued|speaks?|spoke)\\s+against',
  'avoid(?:s|ed|ing)?',
  'reject(?:s|ed|ing)?',
  // French, Spanish and German ADR sets mention the same patterns.
  'pas',
  'sans',
  'jamais',
  'aucun(?:e)?',
  'plutôt\\s+que',
  'au\\s+lieu\\s+d(?:e|u|es)',
  'éviter|évite(?:r|ons|z)?',
  'sin',
  'nunca',
  'en\\s+lugar\\s+de',
  'nicht',
  'kein(?:e|en|er|em)?',
  'ohne',
  'statt',
  'anstatt',
];
const NEGATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NEGATION_CUES.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
// Where a clause ends: sentence punctuation, a dash between words, a comma before a new subject, and
// the words that open another clause ("but", "which", "because", ...).
const CLAUSE_END = new RegExp(
  [
    '[.;:!?](?=\\s|$)',
    '\\s[-–—]\\s',
    '[–—]',
    ',(?=\\s*(?:we|i|you|they|it|this|that|these|those|there|he|she|one|the|our|its|their|each|every|all|nous|on|il|elle|ils|wir|es)\\b)',
    '(?<![\\p{L}\\p{N}])(?:but|however|although|though|whereas|while|yet|so|because|since|instead(?!\\s+of)|which|that|who|unless|mais|cependant|car|donc|pero|aber|sondern)(?![\\p{L}\\p{N}])',
  ].join('|'),
  'giu',
);
// Words a negation reaches past before it stops applying ("does not act as a shared API gateway");
// "no" negates its own noun phrase only ("no need for an API gateway", not "no team owns the gateway").
const NEGATION_REACH = 6;
const DETERMINER_REACH = 3;
const DETERMINERS = /^(?:no|aucun|aucune|kein|keine|keinen|keiner|keinem)$/iu;
// A subject after the cue opens a clause of its own: "to avoid data loss we use an outbox".
const NEW_SUBJECT = /^(?:we|i|you|they|he|she|there|nous|ils|elles|wir)$/iu;
// A verb that itself sets its object aside turns the negation round: "must not bypass the API gateway".
const SETS_ASIDE = /^(?:bypass(?:es|ed|ing)?|circumvent(?:s|ed|ing)?|skip(?:s|ped|ping)?|remov(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|abandon(?:s|ed|ing)?|drop(?:s|ped|ping)?|break(?:s|ing)?|los(?:e|es|ing))$/iu;

/** Markdown source as the words a reader sees: no link targets, code, HTML or emphasis marks. */
function readable(source: string): string {
  return source
    .replace(/\]\([^)]*\)|\]\[[^\]]*\]/g, ' ')
    .replace(/`+[^`]*`+/g, ' code ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_~[\]]/g, '')
    .replace(/\([^()]*\)/g, ' ');
}

/**
 * Whether the clause a mention stands in negates or sets it aside before it: `before` is the source
 * of its paragraph (or heading, or table cell) up to the mention. Only a cue before the mention counts,
 * close enough and with no clause boundary between them ("we will not use a saga", "instead of CQRS",
 * "there is no need for an API gateway"); "the saga does not retry" still uses a saga.
 */
export function negatedInClause(before: string): boolean {
  const text = readable(before);
  let clauseStart = 0;
  for (const boundary of text.matchAll(CLAUSE_END)) clauseStart = boundary.index + boundary[0].length;
  const clause = text.slice(clauseStart);
  let last: RegExpExecArray | null = null;
  for (const cue of clause.matchAll(NEGATION)) last = cue as RegExpExecArray;
  if (!last) return false;
  const after = clause.slice(last.index + last[0].length);
  const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (wordsOf(after).some((word) => NEW_SUBJECT.test(word) || SETS_ASIDE.test(word))) return false;
  // A list after the cue is negated item by item ("not a saga, an outbox or CQRS"): the reach counts
  // from the cue to the first item, and from the last comma to the mention.
  const items = after.split(',');
  const reach = DETERMINERS.test(last[0]) ? DETERMINER_REACH : NEGATION_REACH;
  return wordsOf(items[0]!).length <= reach && wordsOf(items[items.length - 1]!).length <= reach;
}
