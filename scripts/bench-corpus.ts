// A deterministic corpus of MADR 3/4 records for the benchmark: the same seed gives the same bytes.
// Every record is clean under the default config except the deliberate defects, which
// `generateCorpus` lists, so a benchmark run that reports anything else is a false alarm (or a
// generator bug) rather than noise to be ignored.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface BenchCorpusOptions {
  count: number;
  seed: number;
  /** The folder that becomes the repository root: `.git/HEAD` and `docs/adr/` are written there. */
  root: string;
  /** Record sizes: ~4 KB MADR records when absent; with a profile, each record is padded (more
   * prose, lists, tables and code in "More Information") to a size drawn between its bounds. */
  sizes?: SizeProfile;
  /** Also plant the defects a set "whatever it contains" has: a broken link to a misspelt record
   * name (adr-link's "did you mean") and two records sharing a number (adr-number-duplicate). */
  everyDefect?: boolean;
}

/** Bounds of a record's size in bytes; the largest record of a corpus is `maxBytes` (within a line). */
export interface SizeProfile {
  minBytes: number;
  maxBytes: number;
}

/** The size profile of a real public ADR folder (issue #14): 110 records, 5.7 MB, the largest 73 KB. */
export const REAL_SIZED = { count: 110, sizes: { minBytes: 30 * 1024, maxBytes: 73 * 1024 } } as const satisfies { count: number; sizes: SizeProfile };

/** A problem planted on purpose, and the rule that must report it. */
export interface DeliberateDefect {
  /** Absolute path of the file the diagnostic is reported in. */
  file: string;
  ruleId: string;
  severity: 'error' | 'warn';
  what: string;
}

export interface BenchCorpus {
  /** Absolute path of `docs/adr`. */
  folder: string;
  /** Absolute paths of the ADRs, in number order. */
  files: string[];
  defects: DeliberateDefect[];
}

interface CataloguePattern {
  slug: string;
  name: string;
  category: string;
  url: string;
  aliases: string[];
}

type Random = () => number;

/** mulberry32: a tiny seeded PRNG, so the corpus never depends on Math.random or the clock. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

function readCatalogue(): CataloguePattern[] {
  const data = parse(readFileSync(new URL('../data/catalogue.yaml', import.meta.url), 'utf8')) as { patterns: CataloguePattern[] };
  return data.patterns.map(({ slug, name, category, url, aliases }) => ({ slug, name, category, url, aliases: aliases ?? [] }));
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. None of it contains a catalogue name or alias: a stray "saga" or "shard" in filler
// text would be an undeclared mention, and the corpus would stop being clean.

const DOMAINS = ['orders', 'billing', 'payments', 'inventory', 'shipping', 'catalog', 'search', 'identity', 'notifications', 'reporting', 'pricing', 'checkout', 'returns', 'loyalty', 'analytics', 'onboarding', 'scheduling', 'invoicing', 'subscriptions', 'fulfilment'];
const TECHS = ['PostgreSQL', 'Kafka', 'RabbitMQ', 'Redis', 'Elasticsearch', 'gRPC', 'GraphQL', 'Kubernetes', 'Envoy', 'OpenTelemetry', 'DynamoDB', 'Cassandra', 'NATS', 'Terraform', 'Vault', 'ClickHouse'];
const THINGS = ['events', 'reads', 'audit logs', 'sessions', 'exports', 'webhooks', 'read models', 'batch jobs', 'retries', 'schema changes'];
const PEOPLE = ['Ana Silva', 'Wei Zhang', 'Priya Nair', 'Tomasz Kowalski', 'Fatima Haddad', 'Jonas Berg', 'Lucía Romero', 'Kwame Mensah', 'Mei Tanaka', 'Oliver Grant', 'Sofia Rossi', 'Arjun Mehta'];
const TEAMS = ['Platform team', 'SRE', 'Security guild', 'Data team', 'Finance', 'Customer support'];
const PROBLEMS = [
  'the nightly batch jobs keep colliding with peak traffic',
  'every release needs a coordinated deploy by three teams',
  'reads and writes compete for the same tables at month end',
  'a failed payment step leaves an order half done',
  'the {tech} cluster is close to its storage limit',
  'two teams have written the same retry logic in different ways',
  'nobody can tell which version of a record a customer saw',
  'an outage in one dependency takes the whole checkout flow down',
  'the legacy monolith still owns the {domain} tables',
  'support tickets about stale data doubled since the spring',
];
const LINK_SENTENCES = [
  'We want to evaluate {link} for this, because it fits how the {domain} team already works.',
  '{Link} came up in the last design review as a way out.',
  'Several teams already run {link} in production, so the operational knowledge exists.',
  'The question is whether {link} is worth its extra moving parts here.',
  'An earlier spike showed that {link} handles the {domain} load on a single node.',
];
const MENTION_SENTENCES = [
  '{Mention} alone does *not* remove the reporting lag, so the question is how far to take it.',
  'The team has run {mention} before, in the {domain} rewrite, and knows its failure modes.',
  'With {mention} the {domain} service keeps its own data and its own release cycle.',
  'A spike with {mention} took two days and needed no change to the public API.',
];
const FILLER = [
  'The current setup has worked for years, but the load has grown by a factor of four since it was designed.',
  'Most incidents of the last quarter started in the {domain} area, and the post-mortems point at the same coupling.',
  'The {tech} cluster is shared with two other teams, which makes maintenance windows hard to agree on.',
  'Customers notice the problem as slow pages, not as errors, so it rarely reaches the on-call rotation.',
  'Any change has to keep the public API stable, because partner integrations depend on it.',
  'The team is small, so whatever we choose must be **simple to operate** at three in the morning.',
  'Budget for new infrastructure is limited this year; reuse of existing {tech} capacity is preferred.',
  'Data retention rules require every {domain} change to be traceable for seven years.',
];
const DRIVERS = [
  'Keep p99 latency under {ms} ms for {domain} reads',
  'No data loss when a node fails',
  'The on-call rotation must understand the failure modes',
  'Cost stays within the current {tech} budget',
  'Teams can deploy independently',
  'Auditors can trace every change to {domain} records',
  'Migration without downtime',
  'Fits the skills the team already has',
];
const OTHER_OPTIONS = [
  'Keep the current {tech} setup',
  'Move {domain} to a managed {tech} service',
  'Write a custom coordinator in the {domain} service',
  'Batch the {domain} updates nightly',
  'Buy a commercial {domain} platform',
];
const REASONS = [
  'meets the latency driver without a rewrite',
  'is the only option that keeps deployments independent',
  'reuses what the team already operates',
  'costs the least over three years',
  'gives auditors the trail they asked for',
];
const GOOD = [
  'the {domain} team owns its release cycle',
  'failures stay contained in one service',
  'the load test passed at twice the current peak',
  'the data model gets simpler to reason about',
  'on-call runbooks shrink to one page',
];
const BAD = [
  'the team has to learn a new tool',
  'operating cost grows by about 10 percent',
  'debugging spans more than one process',
  'the migration takes two sprints',
];
const NEUTRAL = ['the vendor lock-in does not change', 'the API contract stays as it is', 'monitoring needs new dashboards but no new tooling'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------
// The plan: what every record is (title, patterns, status, supersedes), decided first, because a
// record links to and is superseded by others.

type DefectKind = 'slug-typo' | 'unknown-status' | 'broken-anchor' | 'one-sided-supersede' | 'undeclared-pattern' | 'broken-link' | 'duplicate-number';

// Which numbers carry a defect: every hundred files hold one of each kind, so any corpus of 100 or
// more files has them all, and the count grows with the corpus like a real ADR log's mistakes.
const DEFECT_AT: Record<number, DefectKind> = { 7: 'slug-typo', 23: 'unknown-status', 47: 'broken-anchor', 61: 'one-sided-supersede', 89: 'undeclared-pattern' };
// `everyDefect`: a link to a misspelt record name, and a record filed under the number before its
// own (so it and that record share a number).
const EVERY_DEFECT_AT: Record<number, DefectKind> = { ...DEFECT_AT, 13: 'broken-link', 31: 'duplicate-number' };

interface PlannedAdr {
  number: number;
  title: string;
  name: string;
  domain: string;
  tech: string;
  patterns: CataloguePattern[];
  status: string;
  date: string;
  supersedes: number[];
  supersededBy: number[];
  defect: DefectKind | null;
  /** One-sided supersede: the earlier record that does not say it is superseded. */
  unacknowledged: number | null;
}

const pad = (number: number) => String(number).padStart(4, '0');
const kebab = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A date `number` half-days after 2016-01-04: increasing with the number, always a real day. */
function dateOf(number: number, random: Random): string {
  const day = new Date(Date.UTC(2016, 0, 4) + (Math.floor(number / 2) + between(random, 0, 1)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function planCorpus(count: number, seed: number, catalogue: readonly CataloguePattern[], defectAt: Record<number, DefectKind>): PlannedAdr[] {
  const random = mulberry32(seed);
  // A record sharing its number, or the one whose number it takes, is never named by number
  // (supersedes, superseded-by): the reference would be ambiguous, a defect nobody planted.
  const shared = (number: number) => defectAt[number % 100] === 'duplicate-number' || defectAt[(number + 1) % 100] === 'duplicate-number';
  const plan: PlannedAdr[] = [];
  const titleCounts = new Map<string, number>();
  for (let number = 1; number <= count; number++) {
    const domain = pick(random, DOMAINS);
    const tech = pick(random, TECHS);
    const defect = defectAt[number % 100] ?? null;
    // The misspelt slug is a "-pattern" one: the "-architecture" slugs are so alike that a typo of
    // one is also near another, and adrlint then lists both instead of taking it for a typo.
    const candidates = defect === 'slug-typo' ? catalogue.filter((pattern) => pattern.slug.endsWith('-pattern')) : catalogue;
    const patterns = pickSome(random, candidates, random() < 0.55 ? 1 : random() < 0.7 ? 2 : 3);
    const lead = patterns[0]!;
    const drawn = fill(
      pick(random, [
        'Use {tech} for {domain} {thing}',
        'Adopt the {pattern} in the {domain} service',
        'Move {domain} {thing} to {tech}',
        'Introduce {pattern} for {domain}',
        'Split {domain} {thing} from the monolith',
        'Retire the legacy {domain} {thing}',
      ]),
      { tech, domain, thing: pick(random, THINGS), pattern: lead.name },
    );
    // Real logs give a decision revisited a title of its own (adr-title-duplicate reports a copy
    // never retitled); the draws above stay as they were, so the rest of the corpus does too.
    const seen = (titleCounts.get(drawn) ?? 0) + 1;
    titleCounts.set(drawn, seen);
    const title = seen === 1 ? drawn : `${drawn} (revision ${seen})`;
    const roll = random();
    const status = roll < 0.1 ? 'proposed' : roll < 0.18 ? 'deprecated' : 'accepted';
    const filed = defect === 'duplicate-number' ? number - 1 : number;
    plan.push({ number, title, name: `${pad(filed)}-${kebab(title)}.md`, domain, tech, patterns, status, date: dateOf(number, random), supersedes: [], supersededBy: [], defect, unacknowledged: null });
  }
  // About 5% of records replace an earlier one that is not a defect and not replaced yet.
  const taken = new Set<number>();
  const supersedeRandom = mulberry32(seed ^ 0x5eed);
  for (const adr of plan) {
    const oneSided = adr.defect === 'one-sided-supersede';
    if (adr.number < 10 || (!oneSided && (adr.defect !== null || supersedeRandom() >= 0.05)) || shared(adr.number)) continue;
    for (let attempt = 0; attempt < 8; attempt++) {
      const earlier = plan[between(supersedeRandom, Math.max(1, adr.number - 300), adr.number - 1) - 1]!;
      if (taken.has(earlier.number) || earlier.defect !== null || shared(earlier.number)) continue;
      taken.add(earlier.number);
      adr.supersedes.push(earlier.number);
      if (oneSided) adr.unacknowledged = earlier.number;
      else {
        earlier.supersededBy.push(adr.number);
        earlier.status = 'superseded';
      }
      break;
    }
  }
  return plan;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key.toLowerCase()];
    if (value === undefined) throw new Error(`no value for {${key}}`);
    return key[0] === key[0]!.toUpperCase() ? capitalise(value) : value;
  });
}

// ---------------------------------------------------------------------------------------------
// Rendering one record

/** What prose may call a pattern: its name and aliases (acronyms included), as nouns. */
function mentionForms(pattern: CataloguePattern): string[] {
  return [pattern.name, ...pattern.aliases.filter((alias) => !/-sourced$/.test(alias))];
}

/** A slug with one letter dropped: close enough that pattern-slug offers the real one. */
function misspell(slug: string): string {
  let at = Math.floor(slug.length / 2);
  if (slug[at] === '-') at++;
  return slug.slice(0, at) + slug.slice(at + 1);
}

/** A record's file name with one letter of its title dropped: a link to it is broken, and near the real name. */
function misspelledName(adr: PlannedAdr): string {
  const dash = adr.name.indexOf('-');
  let at = dash + 1 + Math.floor((adr.name.length - 3 - dash - 1) / 2);
  if (adr.name[at] === '-') at++;
  return adr.name.slice(0, at) + adr.name.slice(at + 1);
}

function renderAdr(adr: PlannedAdr, plan: readonly PlannedAdr[], seed: number, catalogue: readonly CataloguePattern[], targetBytes: number | null): string {
  const random = mulberry32((seed ^ Math.imul(adr.number, 0x9e3779b1)) >>> 0);
  const { domain, tech } = adr;
  const values = (extra: Record<string, string> = {}) => ({ domain, tech, ms: String(between(random, 5, 40) * 10), ...extra });
  const earlier = () => plan[between(random, Math.max(1, adr.number - 400), adr.number - 1) - 1]!;
  const adrLink = (other: PlannedAdr, anchor = '') => `[ADR ${other.number}](${other.name}${anchor})`;
  const eol = '\n';
  const out: string[] = [];

  // Frontmatter, in the MADR 3/4 order, in the styles people write it.
  out.push('---');
  out.push(`status: ${adr.defect === 'unknown-status' ? 'acepted' : adr.status}`);
  out.push(`date: ${adr.date}`);
  out.push(`decision-makers: [${pickSome(random, PEOPLE, between(random, 1, 3)).join(', ')}]`);
  if (random() < 0.4) out.push(`consulted: [${pickSome(random, TEAMS, between(random, 1, 2)).join(', ')}]`);
  const slugs = adr.patterns.map((pattern, index) => (adr.defect === 'slug-typo' && index === 0 ? misspell(pattern.slug) : pattern.slug));
  const style = random();
  if (style < 0.25) out.push(`patterns: [${slugs.join(', ')}]`);
  else {
    out.push('patterns:');
    adr.patterns.forEach((pattern, index) => {
      if (style > 0.85) out.push(`  - slug: ${slugs[index]}`, `    category: ${pattern.category}`);
      else out.push(`  - ${slugs[index]}`);
    });
  }
  if (adr.supersedes.length) out.push(`supersedes: [${adr.supersedes.map((n) => `"${pad(n)}"`).join(', ')}]`);
  if (adr.supersededBy.length) out.push(`superseded-by: [${adr.supersededBy.map((n) => `"${pad(n)}"`).join(', ')}]`);
  out.push('---', '', `# ${adr.title}`, '');

  // Context: the first prose mention of every declared pattern is a link (inline or by reference).
  const definitions: string[] = [];
  const mention = (pattern: CataloguePattern) => pick(random, mentionForms(pattern));
  const link = (pattern: CataloguePattern) => {
    const text = pick(random, [pattern.name, pattern.name, ...pattern.aliases.filter((alias) => !/-sourced$/.test(alias))]);
    if (random() < 0.2) {
      definitions.push(`[${pattern.slug}]: ${pattern.url}`);
      return `[${text}][${pattern.slug}]`;
    }
    return `[${text}](${pattern.url})`;
  };
  out.push('## Context and Problem Statement', '');
  const opening = [`${capitalise(domain)} handles about ${between(random, 2, 90) * 10} requests per second across ${between(random, 3, 14)} services, and ${fill(pick(random, PROBLEMS), values())}.`];
  for (const pattern of adr.patterns) opening.push(fill(pick(random, LINK_SENTENCES), values({ link: link(pattern) })));
  if (adr.defect === 'undeclared-pattern') {
    const other = pick(random, catalogue.filter((pattern) => !adr.patterns.includes(pattern)));
    opening.push(`Operations also asked about [${other.name}](${other.url}) for the outbound calls.`);
  }
  out.push(opening.join(' '), '');
  const background = [fill(pick(random, FILLER), values()), fill(pick(random, FILLER), values())];
  if (adr.number > 1) {
    const anchor = adr.defect === 'broken-anchor' ? '#decision-outcomes' : random() < 0.5 ? '#decision-outcome' : '';
    background.push(`This builds on ${adrLink(earlier())} and revisits the trade-offs recorded in ${adrLink(earlier(), anchor)}.`);
  }
  if (adr.defect === 'broken-link') {
    const target = earlier();
    background.push(`The notes of [ADR ${target.number}](${misspelledName(target)}) list the open questions.`);
  }
  out.push(background.join(' '), '');
  out.push(`${fill(pick(random, MENTION_SENTENCES), values({ mention: mention(pick(random, adr.patterns)) }))} ${fill(pick(random, FILLER), values())}`, '');
  if (random() < 0.6) out.push(pickSome(random, FILLER, 3).map((sentence) => fill(sentence, values())).join(' '), '');

  out.push('## Decision Drivers', '');
  for (const driver of pickSome(random, DRIVERS, between(random, 3, 5))) out.push(`* ${fill(driver, values())}`);
  out.push(`* Operational experience with ${mention(adr.patterns[0]!)}`, '');

  const chosen = `Adopt ${mention(adr.patterns[0]!)} for ${domain}`;
  const options = [chosen, ...pickSome(random, OTHER_OPTIONS, between(random, 1, 3)).map((option) => fill(option, values()))];
  out.push('## Considered Options', '');
  for (const option of options) out.push(`* ${option}`);
  out.push('');

  out.push('## Decision Outcome', '');
  out.push(`Chosen option: "${chosen}", because it ${pick(random, REASONS)}. ${fill(pick(random, FILLER), values())}`, '');
  out.push('| Option | Effort | Risk | Cost |', '|---|---|---|---|');
  options.forEach((_, index) => out.push(`| Option ${index + 1} | ${pick(random, ['low', 'medium', 'high'])} | ${pick(random, ['low', 'medium', 'high'])} | ${'$'.repeat(between(random, 1, 3))} |`));
  out.push('');
  // Code is not prose: the pattern named in it (declared or not) is neither a mention nor linkable.
  const inCode = pick(random, catalogue);
  if (random() < 0.5) {
    out.push('```yaml', `# ${inCode.name} settings for the ${domain} service`, `${domain}:`, `  retries: ${between(random, 1, 5)}`, `  timeout: ${between(random, 1, 9)}s`, `  strategy: ${inCode.slug}`, '```', '');
  } else {
    out.push('```ts', `// The ${inCode.name} wraps every call to the ${domain} API.`, `export const ${domain}Policy = { retries: ${between(random, 1, 5)}, timeoutMs: ${between(random, 1, 9) * 500}, pattern: '${inCode.name}' };`, '```', '');
  }

  out.push('### Consequences', '');
  for (const good of pickSome(random, GOOD, between(random, 2, 3))) out.push(`* Good, because ${fill(good, values())}`);
  out.push(`* Good, because ${mention(pick(random, adr.patterns))} is documented and widely understood`);
  for (const bad of pickSome(random, BAD, between(random, 1, 2))) out.push(`* Bad, because ${bad}`);
  out.push('');
  out.push('### Confirmation', '');
  out.push(`The ${domain} team confirms the decision in the design review of ${pick(random, MONTHS)} and with a load test against the staging cluster. ${fill(pick(random, FILLER), values())}`, '');

  out.push('## Pros and Cons of the Options', '');
  for (const option of options) {
    out.push(`### ${option}`, '');
    for (const good of pickSome(random, GOOD, between(random, 1, 2))) out.push(`* Good, because ${fill(good, values())}`);
    if (random() < 0.6) out.push(`* Neutral, because ${pick(random, NEUTRAL)}`);
    out.push(`* Bad, because ${pick(random, BAD)}`, '');
  }

  out.push('## More Information', '');
  const more = [
    `The ${domain} runbook links back to this record, and the load test results are attached to the design review notes.`,
    `The decision is revisited when the ${tech} contract is renewed or when the ${domain} traffic doubles again, whichever comes first.`,
  ];
  if (adr.number > 2) more.push(`Related: ${adrLink(earlier(), random() < 0.3 ? '#context-and-problem-statement' : '')}.`);
  out.push(more.join(' '));
  if (targetBytes !== null) padRecord(out, targetBytes - byteLength(definitions, eol), { adr, plan, seed, values: values() });
  if (definitions.length) out.push('', ...definitions);
  return out.join(eol) + eol;
}

const byteLength = (lines: readonly string[], eol: string) => (lines.length ? Buffer.byteLength(lines.join(eol)) + 2 * eol.length : 0);

/** More of "More Information" (prose, lists, tables, code, links to earlier records) until `out` is
 * within a block of `target` bytes. Its own random stream: the record above stays the same bytes. */
function padRecord(out: string[], target: number, { adr, plan, seed, values }: { adr: PlannedAdr; plan: readonly PlannedAdr[]; seed: number; values: Record<string, string> }): void {
  const random = mulberry32((seed ^ Math.imul(adr.number, 0x85ebca6b) ^ 0x51ed) >>> 0);
  const mention = () => pick(random, mentionForms(pick(random, adr.patterns)));
  const blocks: Array<() => string[]> = [
    () => [pickSome(random, FILLER, 4).map((sentence) => fill(sentence, values)).join(' ')],
    () => [`${fill(pick(random, MENTION_SENTENCES), { ...values, mention: mention() })} ${fill(pick(random, FILLER), values)}`],
    () => pickSome(random, DRIVERS, 4).map((driver) => `* ${fill(driver, values)}`),
    () => ['| Week | Owner | Step | Done |', '|---|---|---|---|', ...Array.from({ length: between(random, 3, 8) }, (_, index) => `| ${index + 1} | ${pick(random, PEOPLE)} | ${capitalise(pick(random, THINGS))} in ${values.domain} | ${pick(random, ['yes', 'no', 'partly'])} |`)],
    () => ['```yaml', `${values.domain}:`, `  replicas: ${between(random, 2, 9)}`, `  timeout: ${between(random, 1, 9)}s`, `  owner: ${kebab(pick(random, TEAMS))}`, '```'],
    () => {
      if (adr.number <= 2) return [fill(pick(random, FILLER), values)];
      const other = plan[between(random, Math.max(1, adr.number - 400), adr.number - 1) - 1]!;
      return [`The follow-up work is tracked next to [ADR ${other.number}](${other.name}).`];
    },
  ];
  let size = byteLength(out, '\n');
  for (;;) {
    const block = ['', ...pick(random, blocks)()];
    const grown = Buffer.byteLength(block.join('\n')) + 1;
    if (size + grown > target) return;
    out.push(...block);
    size += grown;
  }
}

type CorpusOptions = Omit<BenchCorpusOptions, 'root'>;
type PlannedDefect = Omit<DeliberateDefect, 'file'> & { path: string };

/** Each record's size in bytes under a profile (the largest drawn is the profile's maximum), or null. */
function targetSizes(count: number, seed: number, sizes: SizeProfile | undefined): Array<number | null> {
  if (!sizes) return Array.from({ length: count }, () => null);
  const random = mulberry32((seed ^ 0x517e) >>> 0);
  const drawn = Array.from({ length: count }, () => sizes.minBytes + Math.floor(random() * (sizes.maxBytes - sizes.minBytes + 1)));
  drawn[drawn.indexOf(Math.max(...drawn))] = sizes.maxBytes;
  return drawn;
}

/** Every file of the corpus (path relative to the root → text), and the defects planted in it. */
export function corpusFiles(count: number, seed: number, options: Omit<CorpusOptions, 'count' | 'seed'> = {}): { files: Map<string, string>; defects: PlannedDefect[] } {
  if (!Number.isInteger(count) || count < 1 || count > 9999) throw new RangeError(`count must be a whole number from 1 to 9999, not ${count}`);
  const catalogue = readCatalogue();
  const plan = planCorpus(count, seed, catalogue, options.everyDefect ? EVERY_DEFECT_AT : DEFECT_AT);
  const sizes = targetSizes(count, seed, options.sizes);
  const files = new Map<string, string>();
  const defects: PlannedDefect[] = [];
  const path = (adr: PlannedAdr) => `docs/adr/${adr.name}`;
  for (const adr of plan) {
    files.set(path(adr), renderAdr(adr, plan, seed, catalogue, sizes[adr.number - 1]!));
    if (adr.defect === 'slug-typo') defects.push({ path: path(adr), ruleId: 'pattern-slug', severity: 'error', what: `"${misspell(adr.patterns[0]!.slug)}" for "${adr.patterns[0]!.slug}"` });
    if (adr.defect === 'unknown-status') defects.push({ path: path(adr), ruleId: 'adr-status', severity: 'error', what: 'status "acepted"' });
    if (adr.defect === 'broken-anchor' && adr.number > 1) defects.push({ path: path(adr), ruleId: 'adr-link', severity: 'error', what: 'link to "#decision-outcomes"' });
    if (adr.defect === 'undeclared-pattern') defects.push({ path: path(adr), ruleId: 'pattern-undeclared', severity: 'warn', what: 'a linked pattern the frontmatter does not declare' });
    if (adr.defect === 'broken-link' && adr.number > 1) defects.push({ path: path(adr), ruleId: 'adr-link', severity: 'error', what: 'a link to a misspelt record name' });
    if (adr.defect === 'duplicate-number' && adr.number > 1) {
      const before = plan[adr.number - 2]!;
      defects.push({ path: path(adr), ruleId: 'adr-number-duplicate', severity: 'error', what: `filed under the number of ${before.name}` });
      defects.push({ path: path(before), ruleId: 'adr-number-duplicate', severity: 'error', what: `${adr.name} has its number` });
    }
    if (adr.unacknowledged !== null) {
      const older = plan[adr.unacknowledged - 1]!;
      defects.push({ path: path(older), ruleId: 'adr-supersede', severity: 'error', what: `${adr.name} supersedes it, but it does not say so` });
    }
  }
  defects.sort((a, b) => a.path.localeCompare(b.path));
  return { files, defects };
}

/** Write the corpus under `root` (a `.git/HEAD` marks it as the repository root) and describe it. */
export function generateCorpus({ count, seed, root, ...options }: BenchCorpusOptions): BenchCorpus {
  return writeCorpus(root, corpusFiles(count, seed, options));
}

function writeCorpus(root: string, { files, defects }: { files: Map<string, string>; defects: PlannedDefect[] }): BenchCorpus {
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const folder = join(root, 'docs', 'adr');
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const [path, text] of files) {
    const target = join(root, path);
    writeFileSync(target, text);
    written.push(target);
  }
  return { folder, files: written, defects: defects.map(({ path, ...defect }) => ({ file: join(root, path), ...defect })) };
}

// ---------------------------------------------------------------------------------------------
// The scaling set: how the cross-file rules grow with the set. Every record shares its number with
// another (adr-number-duplicate) and links to a misspelt name of another record (adr-link, whose
// "did you mean" looks for the nearest names): the two searches that grow with the set size.
// Records are short (~1 KB), so the parse does not hide what the set rules cost.

/** The largest scaling set (numbers take five digits past 19,998 records). */
const SCALING_MAX = 200_000;

/** `count` short MADR records, two a number, each with one broken link to a near name. */
export function scalingCorpusFiles(count: number, seed: number): { files: Map<string, string>; defects: PlannedDefect[] } {
  if (!Number.isInteger(count) || count < 2 || count > SCALING_MAX) throw new RangeError(`count must be a whole number from 2 to ${SCALING_MAX}, not ${count}`);
  const random = mulberry32((seed ^ 0x5ca1e) >>> 0);
  const width = Math.max(4, String(Math.ceil(count / 2)).length);
  // File i (from 0) has number floor(i / 2) + 1; an odd last file joins the pair before it.
  const numberOf = (index: number) => Math.min(Math.floor(index / 2), Math.floor(count / 2) - 1) + 1;
  const names = Array.from({ length: count }, (_, index) => {
    const title = `${pick(random, ['Use', 'Adopt', 'Retire', 'Split'])} ${pick(random, TECHS)} for ${pick(random, DOMAINS)} ${pick(random, THINGS)} ${index + 1}`;
    return { title, name: `${String(numberOf(index)).padStart(width, '0')}-${kebab(title)}.md` };
  });
  const files = new Map<string, string>();
  const defects: PlannedDefect[] = [];
  names.forEach(({ title, name }, index) => {
    const path = `docs/adr/${name}`;
    const domain = pick(random, DOMAINS);
    const tech = pick(random, TECHS);
    const values = { domain, tech, ms: String(between(random, 5, 40) * 10) };
    const other = names[(index + 1 + Math.floor(random() * (count - 1))) % count]!;
    const fine = names[(index + 1 + Math.floor(random() * (count - 1))) % count]!;
    const dash = other.name.indexOf('-');
    const at = dash + 2 + Math.floor(random() * (other.name.length - dash - 6));
    const broken = other.name[at] === '-' ? other.name.slice(0, at + 1) + other.name.slice(at + 2) : other.name.slice(0, at) + other.name.slice(at + 1);
    const text = [
      '---',
      `status: ${pick(random, ['accepted', 'proposed'])}`,
      // Dates rise with the file, over at most 3,000 half-days (2016 to 2020), never in the future.
      `date: ${dateOf(Math.floor((index * Math.min(count, 3000)) / count), random)}`,
      `decision-makers: [${pick(random, PEOPLE)}]`,
      '---',
      '',
      `# ${title}`,
      '',
      '## Context and Problem Statement',
      '',
      `${capitalise(domain)} handles about ${between(random, 2, 90) * 10} requests per second, and ${fill(pick(random, PROBLEMS), values)}. ${fill(pick(random, FILLER), values)}`,
      '',
      `This builds on [the ${tech} record](${fine.name}); the open questions are in [its notes](${broken}).`,
      '',
      '## Considered Options',
      '',
      ...pickSome(random, OTHER_OPTIONS, 2).map((option) => `* ${fill(option, values)}`),
      '',
      '## Decision Outcome',
      '',
      `Chosen option: "${fill(OTHER_OPTIONS[0]!, values)}", because it ${pick(random, REASONS)}.`,
      '',
    ].join('\n');
    files.set(path, text);
    defects.push({ path, ruleId: 'adr-link', severity: 'error', what: `a link to "${broken}"` });
    defects.push({ path, ruleId: 'adr-number-duplicate', severity: 'error', what: `number ${numberOf(index)} is shared` });
  });
  defects.sort((a, b) => a.path.localeCompare(b.path));
  return { files, defects };
}

/** Write the scaling set under `root` (see `scalingCorpusFiles`). */
export function generateScalingCorpus({ count, seed, root }: Pick<BenchCorpusOptions, 'count' | 'seed' | 'root'>): BenchCorpus {
  return writeCorpus(root, scalingCorpusFiles(count, seed));
}
