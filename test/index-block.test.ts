// The index block's links and successors (rules/support/index-block.ts), through the helpers the
// rules share: links written as the link fixes write them, successors found as adr-supersede finds
// them, the block in the file's own line ending.
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { indexBlockText, indexLines, lineEnding } from '../rules/support/index-block.ts';

const catalogue = catalogueWithUser(null, null);
const record = (path: string, text: string) => buildRecord(parseAdr(path, text, catalogue), catalogue);
const entry = (n: number, title: string, status: string) => `# ${n}. ${title}\n\n## Status\n\n${status}\n`;

describe('indexLines', () => {
  it('percent-encodes what a link destination cannot hold as is: a "#" in a file name is no fragment', () => {
    const records = [record('/repo/adr/0001-use-c#.md', entry(1, 'Use C#', 'Accepted')), record('/repo/adr/0002-use (x).md', entry(2, 'Use X', 'Accepted'))];
    const links = indexLines(records, '/repo/adr/README.md', 'table', '/repo').map((line) => line.entry?.link);
    expect(links).toEqual([undefined, undefined, '0001-use-c%23.md', '0002-use%20%28x%29.md']);
  });

  it('finds the successor a status links as its published .html page, from the repository root, or by its name in the folder', () => {
    const successor = record('/repo/docs/adr/0002-use-kafka.md', entry(2, 'Use Kafka', 'Accepted'));
    for (const link of ['0002-use-kafka.html', '/docs/adr/0002-use-kafka.md', 'docs/adr/0002-use-kafka.md', '0002-use-kafka']) {
      const old = record('/repo/docs/adr/0001-use-rabbitmq.md', entry(1, 'Use RabbitMQ', `Superseded by [2](${link})`));
      const lines = indexLines([old, successor], '/repo/docs/adr/README.md', 'list', '/repo');
      expect(lines[0]!.text, link).toBe('- 0001 [Use RabbitMQ](0001-use-rabbitmq.md) (Superseded by [0002](0002-use-kafka.md))');
    }
  });

  it('relinks a status link from the index folder, keeping its #fragment and its encoding', () => {
    const old = record('/repo/docs/adr/old/0001-a.md', entry(1, 'A', 'Amended by [2](../0002-use%20b.md#status)'));
    const lines = indexLines([old], '/repo/docs/adr/README.md', 'list', '/repo');
    expect(lines[0]!.entry!.status).toBe('Amended by [2](0002-use%20b.md#status)');
  });

  it('writes the block in the line ending the page uses', () => {
    expect(lineEnding('# Decisions\r\n\r\n')).toBe('\r\n');
    expect(lineEnding('# Decisions\n')).toBe('\n');
    expect(lineEnding('# Decisions')).toBe('\n');
    expect(indexBlockText([{ key: 'a', text: '- a' }], '\r\n')).toBe('\r\n\r\n- a\r\n\r\n');
  });
});
