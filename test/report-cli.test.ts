// `adrlint report`: the set report of src/format/report.ts from the command line, over a small set pinned
// byte for byte and over each real collection of ../shared/corpus.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isTemplateName } from '../src/model/naming.ts';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { buildSetReport, type SetReport } from '../src/format/report.ts';
import { SUPERSEDED_POSTGRESQL } from './helpers/report-set.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const catalogue = catalogueWithUser(null, null);

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-report-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const SET = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'docs/adr/README.md': '# Decisions\n',
  'docs/adr/0001-use-postgresql.md': SUPERSEDED_POSTGRESQL,
  'docs/adr/0002-use-event-sourcing.md': [
    '---',
    'status: accepted',
    'date: 2024-03-02',
    'supersedes: ["0001"]',
    'patterns: [event-sourcing-pattern, cqrs-pattern]',
    '---',
    '',
    '# Use event sourcing',
    '',
    '## Context and Problem Statement',
    '',
    'Auditors want every change to an order, and reads outgrow the write model.',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: event sourcing, with CQRS read models.',
    '',
  ].join('\n'),
  // A status the default config does not know: a lint error, which the report does not care about.
  'docs/adr/0003-publish-through-an-outbox.md': [
    '---',
    'status: on hold',
    'date: 2024-05-20',
    'patterns: [outbox-pattern]',
    '---',
    '',
    '# Publish order events through an outbox',
    '',
    'Events get lost when the broker is down.',
    '',
  ].join('\n'),
};

const MARKDOWN = `# ADR report

3 ADRs · 1 supersede relation · 3 of 12 catalogue patterns used

## ADRs by status

### accepted (1)

| ADR | Title | Date | Patterns |
| --- | --- | --- | --- |
| docs/adr/0002-use-event-sourcing.md | Use event sourcing | 2024-03-02 | event-sourcing-pattern, cqrs-pattern |

### on hold (1)

| ADR | Title | Date | Patterns |
| --- | --- | --- | --- |
| docs/adr/0003-publish-through-an-outbox.md | Publish order events through an outbox | 2024-05-20 | outbox-pattern |

### superseded (1)

| ADR | Title | Date | Patterns |
| --- | --- | --- | --- |
| docs/adr/0001-use-postgresql.md | Use PostgreSQL | 2024-01-10 | |

## Pattern usage

| Pattern | Category | ADRs |
| --- | --- | --- |
| CQRS Pattern (cqrs-pattern) | Data Pattern | docs/adr/0002-use-event-sourcing.md |
| Outbox Pattern (outbox-pattern) | Data Pattern | docs/adr/0003-publish-through-an-outbox.md |
| Event Sourcing Pattern (event-sourcing-pattern) | Data Pattern | docs/adr/0002-use-event-sourcing.md |

### Unused patterns (9)

- **Service Decomposition Pattern**: Microservices Architecture (microservices-architecture)
- **Communication Pattern**: Event-Driven Architecture (event-driven-architecture), API Gateway Pattern (api-gateway-pattern)
- **Enterprise Pattern**: Service-Oriented Architecture (service-oriented-architecture)
- **Data Pattern**: Sharding Pattern (sharding-pattern)
- **Transaction Pattern**: Saga Pattern (saga-pattern)
- **Deployment Pattern**: Sidecar Pattern (sidecar-pattern)
- **Migration Pattern**: Strangler Fig Pattern (strangler-fig-pattern)
- **Fault Tolerance Pattern**: Circuit Breaker Pattern (circuit-breaker-pattern)

## Supersede chains

- docs/adr/0001-use-postgresql.md → docs/adr/0002-use-event-sourcing.md

## Graph

\`\`\`mermaid
graph LR
  a1["1. Use PostgreSQL"]
  a2["2. Use event sourcing"]
  a3["3. Publish order events through an outbox"]
  p5(["CQRS Pattern"])
  p6(["Outbox Pattern"])
  p8(["Event Sourcing Pattern"])
  a2 -.->|supersedes| a1
  a2 -->|uses| p8
  a2 -->|uses| p5
  a3 -->|uses| p6
\`\`\`
`;

describe('adrlint report', () => {
  it('prints the markdown report of the usual folder, and exits 0 though the set has lint errors', async () => {
    const root = project(SET);
    expect((await run(root, ['--format', 'json'])).code).toBe(1);
    expect(await run(root, ['report'])).toEqual({ code: 0, stdout: MARKDOWN, stderr: '' });
    // A subfolder's run names the files from there.
    const fromFolder = await run(join(root, 'docs'), ['report', 'adr']);
    expect(fromFolder.stdout).toContain('| adr/0002-use-event-sourcing.md | Use event sourcing |');
  });

  it('reports the whole folder of a file given alone, with every record read in full', async () => {
    const root = project(SET);
    const single = await run(root, ['report', 'docs/adr/0003-publish-through-an-outbox.md']);
    expect(single).toEqual({ code: 0, stdout: MARKDOWN, stderr: '' });
    // A plain Nygard record beside it gives a run its number and title from its first line; the report reads the rest too.
    const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2024-0${n}-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe want a saga.\n`;
    const plain = project({ 'docs/adr/0001-use-kafka.md': nygard(1, 'Use Kafka'), 'docs/adr/0002-use-go.md': nygard(2, 'Use Go') });
    const report = JSON.parse((await run(plain, ['report', 'docs/adr/0002-use-go.md', '--format', 'json'])).stdout) as SetReport;
    expect(report.adrs.map((adr) => [adr.path, adr.status, adr.date])).toEqual([
      ['docs/adr/0001-use-kafka.md', 'accepted', '2024-01-01'],
      ['docs/adr/0002-use-go.md', 'accepted', '2024-02-01'],
    ]);
  });

  it('writes JSON and Mermaid, and to a file with -o', async () => {
    const root = project(SET);
    const json = await run(root, ['report', '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as SetReport;
    expect(report.adrs.map((adr) => [adr.path, adr.status])).toEqual([
      ['docs/adr/0001-use-postgresql.md', 'superseded'],
      ['docs/adr/0002-use-event-sourcing.md', 'accepted'],
      ['docs/adr/0003-publish-through-an-outbox.md', 'on hold'],
    ]);
    expect(report.chains).toEqual([['docs/adr/0001-use-postgresql.md', 'docs/adr/0002-use-event-sourcing.md']]);
    const mermaid = await run(root, ['report', '-f', 'mermaid']);
    expect(mermaid.stdout).toBe(`${MARKDOWN.slice(MARKDOWN.indexOf('graph LR'), MARKDOWN.lastIndexOf('```'))}`);
    const toFile = await run(root, ['report', '-o', 'out/report.md']);
    expect(toFile).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(root, 'out', 'report.md'), 'utf8')).toBe(MARKDOWN);
  });

  it('exits 2 on an unknown format, lint-only options, no ADR folder and a broken config', async () => {
    const root = project(SET);
    const cases: Array<[string, string[], RegExp]> = [
      [root, ['report', '--format', 'sarif'], /unknown report format "sarif"; use one of markdown, json, mermaid/],
      [root, ['report', '--format', 'json', '--format', 'mermaid'], /writes one format/],
      [root, ['report', '--fix'], /"adrlint report" takes paths.*not --fix/],
      [project({ 'notes.md': '# Notes\n' }), ['report'], /no ADR folder found/],
      [project({ ...SET, '.adrlintrc.yml': 'rules:\n  pattern-slugg: error\n' }), ['report'], /configuration error: .*unknown rule "pattern-slugg"/],
    ];
    for (const [cwd, argv, message] of cases) {
      const result = await run(cwd, argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });
});

describe.skipIf(!existsSync(CORPUS))('adrlint report over the corpus', () => {
  const folders = existsSync(CORPUS) ? readdirSync(CORPUS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];

  it.each(folders)('%s: a report of every ADR of the folder', async (folder) => {
    const result = await run(CORPUS, ['report', folder, '--format', 'json', '--concurrency', 'off']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as SetReport;
    // Every markdown file but read-me, index, all-capitals and template pages, whatever the set's naming.
    const adrs = readdirSync(join(CORPUS, folder)).filter((name) => /\.md$/.test(name) && !/^(?:readme|index)\./i.test(name) && !/^[A-Z_]+\.md$/.test(name) && !isTemplateName(name));
    expect(report.adrs.map((adr) => adr.path).sort()).toEqual(adrs.map((name) => `${folder}/${name}`).sort());
    // Every record was read in full: the report is the one built from each file parsed on its own.
    const records = adrs.map((name) => {
      const path = join(CORPUS, folder, name);
      return buildRecord(parseAdr(path, readFileSync(path, 'utf8'), catalogue), catalogue);
    });
    expect(report).toEqual(buildSetReport(records, catalogue, { root: CORPUS }));
  });

  it('konflux: the markdown shows its supersede chains', async () => {
    const result = await run(CORPUS, ['report', 'konflux', '--concurrency', 'off']);
    expect(result.code).toBe(0);
    const chains = result.stdout.slice(result.stdout.indexOf('## Supersede chains'), result.stdout.indexOf('\n## ', result.stdout.indexOf('## Supersede chains') + 1));
    expect(chains).toContain('- konflux/0008-environment-provisioning.md → konflux/0032-decoupling-deployment.md → konflux/0042-provisioning-ephemeral-openshift-clusters.md\n');
    expect(chains.split('\n').filter((line) => line.startsWith('- ')).length).toBeGreaterThan(3);
  });
});
