// Properties of fixing over generated ADRs: idempotent, complete, structure-preserving,
// frontmatter still parsing, and every byte outside the edits kept.
import fc from 'fast-check';
import { diffChars } from 'diff';
import type { Nodes } from 'mdast';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { fixText } from '../src/lib.ts';
import { parseMarkdown } from '../src/parse/parse-adr.ts';
import { rules } from '../rules/index.ts';

const catalogue = catalogueWithUser(null, null);
const config = resolveConfig({ extends: 'strict' }, null, '/');
const context = { catalogue, config };
const fixableRules = new Set(rules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id));
const patternUrls = new Set(catalogue.patterns.flatMap((pattern) => (pattern.url ? [pattern.url] : [])));

const mention = fc.constantFrom('saga', 'Saga Pattern', 'CQRS', 'sidecars', 'event-driven architecture', 'API gateway', 'microservices', 'sharding', 'circuit breaker', 'transactional outbox', 'strangler fig', 'event sourcing', 'SOA');
const filler = fc.constantFrom('we', 'use', 'the', 'a', 'and', 'for', 'orders', 'redux-saga', 'Amazon API Gateway', 'cqrs', '!', '_x_', '\\*', '&amp;', '1.', '(', ')');
const phrase = fc.array(fc.oneof(mention, filler), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

/** One block of markdown with mentions in many contexts. */
const block = fc.oneof(
  phrase,
  phrase.map((p) => `# ${p}`),
  phrase.map((p) => `## ${p}`),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((items) => items.map((p) => `- ${p}`).join('\n')),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((items) => items.map((p, i) => `${i + 1}. ${p}`).join('\n')),
  phrase.map((p) => `> ${p}`),
  fc.tuple(phrase, mention).map(([p, m]) => `${p} *${m}* and **${m}**`),
  fc.tuple(phrase, mention).map(([p, m]) => `${p} \`${m}\``),
  fc.tuple(mention, phrase).map(([m, p]) => `\`\`\`\n${m} ${p}\n\`\`\``),
  fc.tuple(mention, phrase).map(([m, p]) => `[${m}](https://example.org/${m.replace(/\s/g, '-')}) ${p}`),
  fc.tuple(mention, phrase).map(([m, p]) => `| ${m} | ${p} |\n|---|---|\n| ${p} | ${m} |`),
  fc.tuple(mention).map(([m]) => `<b>${m}</b>`),
  fc.tuple(mention).map(([m]) => `![${m}](x.png)`),
  fc.tuple(mention).map(([m]) => `[ref]: https://example.org "${m}"`),
);

const reference = fc.constantFrom('saga-pattern', 'Saga Pattern', 'CQRS', '"05"', 'cqrs-patern', 'sidecar-pattern', 'unknown-thing', "'circuit breaker'");
const frontmatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\n---\n'),
  fc.array(reference, { maxLength: 4 }).map((refs) => `---\nstatus: accepted # kept\ntitle: "Orders"\npatterns:\n${refs.map((r) => `  - ${r}`).join('\n')}${refs.length ? '\n' : ''}date: 2024-02-29\n---\n`),
  fc.array(reference, { maxLength: 4 }).map((refs) => `---\nstatus: accepted\npatterns: [${refs.join(', ')}]\ncategories: [Data Pattern, transaction pattern]\n---\n`),
  fc.array(reference, { maxLength: 3 }).map((refs) => `---\ntitle: Orders\npatterns:\n${refs.map((r) => `    - slug: ${r}\n      category: Data Pattern`).join('\n')}\n---\n`),
  fc.constant('---\ntitle: Only a title\n---\n'),
);

const adr = fc
  .record({
    frontmatter,
    blocks: fc.array(block, { minLength: 1, maxLength: 8 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    trailingSpaces: fc.boolean(),
  })
  .map(({ frontmatter, blocks, crlf, bom, finalNewline, trailingSpaces }) => {
    let text = frontmatter + '\n' + blocks.join(trailingSpaces ? '  \n\n' : '\n\n') + (finalNewline ? '\n' : '');
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return (bom ? '\uFEFF' : '') + text;
  });

function fix(source: string) {
  return fixText('/adr/0001-x.md', source, context);
}

/** Split a file into its frontmatter block (if it parses as one) and the rest. */
function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const tree = parseMarkdown(withoutBom);
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    const end = first.position.end.offset ?? 0;
    return { frontmatter: withoutBom.slice(0, end), body: withoutBom.slice(end) };
  }
  return { frontmatter: '', body: withoutBom };
}

/** The markdown structure without positions, frontmatter or the links adrlint inserts. */
function structure(text: string): unknown {
  const tree = parseMarkdown(text.replace(/^\uFEFF/, ''));
  const normalise = (node: Nodes): unknown[] => {
    if (node.type === 'yaml') return [];
    if (node.type === 'link' && patternUrls.has(node.url)) return node.children.flatMap(normalise);
    const { position: _position, ...rest } = node as Nodes & { position?: unknown };
    if ('children' in node) {
      const children: unknown[] = [];
      for (const child of node.children.flatMap((c) => normalise(c as Nodes))) {
        const last = children[children.length - 1] as { type?: string; value?: string } | undefined;
        const next = child as { type?: string; value?: string };
        // Unwrapping a link leaves text next to text: merge, as the parser would have.
        if (last?.type === 'text' && next.type === 'text') last.value = `${last.value ?? ''}${next.value ?? ''}`;
        else children.push(typeof child === 'object' && child !== null ? { ...child } : child);
      }
      return [{ ...rest, children }];
    }
    return [rest];
  };
  return normalise(tree);
}

const runs = { numRuns: 250 };

describe('fixing generated ADRs', () => {
  it('is idempotent: fix(fix(x)) = fix(x)', () => {
    fc.assert(
      fc.property(adr, (source) => {
        const once = fix(source).output;
        expect(fix(once).output).toBe(once);
      }),
      runs,
    );
  });

  it('leaves no fixable problem behind', () => {
    fc.assert(
      fc.property(adr, (source) => {
        const { result } = fix(source);
        const left = result.messages.filter((m) => m.fix && m.ruleId && fixableRules.has(m.ruleId));
        expect(left).toEqual([]);
      }),
      runs,
    );
  });

  it('keeps the markdown structure except for inserted links and the frontmatter', () => {
    fc.assert(
      fc.property(adr, (source) => {
        expect(structure(fix(source).output)).toEqual(structure(source));
      }),
      runs,
    );
  });

  it('leaves a frontmatter that still parses as a YAML mapping', () => {
    fc.assert(
      fc.property(adr, (source) => {
        const { frontmatter } = splitFrontmatter(fix(source).output);
        if (!frontmatter) return;
        const yamlText = frontmatter.replace(/^---[^\n]*\n/, '').replace(/---\s*$/, '');
        const document = parseDocument(yamlText);
        expect(document.errors).toEqual([]);
        const data = document.toJS() as unknown;
        expect(data === null || (typeof data === 'object' && !Array.isArray(data))).toBe(true);
      }),
      runs,
    );
  });

  it('keeps every byte outside the edits: the body only gains link syntax, other frontmatter lines stay', () => {
    fc.assert(
      fc.property(adr, (source) => {
        const output = fix(source).output;
        expect(output.startsWith('\uFEFF')).toBe(source.startsWith('\uFEFF'));
        const before = splitFrontmatter(source);
        const after = splitFrontmatter(output);
        // Body: insertions only ("[", "](url)", a "\" before "!"); nothing removed or replaced.
        const removed = diffChars(before.body, after.body).filter((part) => part.removed);
        expect(removed).toEqual([]);
        // Frontmatter: lines that are not pattern or category values are kept, in order, byte for byte.
        const kept = before.frontmatter.split(/(?<=\n)/).filter((line) => !/^\s*(-|patterns:|categories:|category:)/.test(line) && !/^\s+-?\s*slug:/.test(line));
        let cursor = 0;
        for (const line of kept) {
          const at = after.frontmatter.indexOf(line, cursor);
          expect(at, `line ${JSON.stringify(line)} lost`).toBeGreaterThanOrEqual(0);
          cursor = at + line.length;
        }
      }),
      runs,
    );
  });
});
