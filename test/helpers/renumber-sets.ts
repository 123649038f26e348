// Fixture ADR sets for `adrlint renumber` and adr-number-duplicate's fix: a record in a chain of
// supersedes, linked from five others in every way a set writes a link.
import { adrlint, type FixtureFiles } from './cli.ts';

const status = (word: string) => `\n## Status\n\n${word}\n`;

/**
 * docs/adr/0005-use-kafka.md supersedes 0002 and is superseded by 0007; 0001, 0003, 0004, 0006
 * link to it (with #anchors, ./ and ../ paths, .html, no extension, a reference definition); the
 * folder's README lists it; docs/guide/reading.md, outside the set, links to it too. 0008 mentions "ADR-0005" in prose and in
 * code, and a bare 5.
 */
export function chainSet(): FixtureFiles {
  return {
    '.adrlintrc.yml': 'adrs: docs/adr\n',
    'docs/adr/README.md': '# Decisions\n\n- [5. Use Kafka](0005-use-kafka.md)\n- [7. Use Pulsar](0007-use-pulsar.md)\n',
    'docs/adr/0001-record-decisions.md': `# 1. Record decisions\n${status('Accepted')}\nSee [the Kafka decision](0005-use-kafka.md#decision) for an example.\n`,
    'docs/adr/0002-use-rabbitmq.md': `---\nsuperseded_by: "0005"\n---\n# 2. Use RabbitMQ\n${status('Superseded by [ADR 5](./0005-use-kafka.md)')}`,
    'docs/adr/0003-event-schema.md': `# 3. Event schema\n${status('Accepted')}\nEvents go through [Kafka](../adr/0005-use-kafka.md#consequences).\n`,
    'docs/adr/0004-retention.md': `# 4. Retention\n${status('Accepted')}\nAs [published](0005-use-kafka.html), and [again][kafka].\n\n[kafka]: ./0005-use-kafka#status\n`,
    'docs/adr/0005-use-kafka.md': `---\ntitle: "5. Use Kafka"\nsupersedes: [2]\n---\n# 5. Use Kafka\n${status('Superseded by ADR-0007')}\nSupersedes [ADR-0002](0002-use-rabbitmq.md).\n\n## Decision\n\nKafka.\n\n## Consequences\n\nBrokers.\n`,
    'docs/adr/0006-consumers.md': `# 6. Consumers\n${status('Accepted')}\nConsumers read what [ADR 5](0005-use-kafka.md "the decision") decided.\n`,
    'docs/adr/0007-use-pulsar.md': `---\nsupersedes: "0005"\n---\n# 7. Use Pulsar\n${status('Accepted')}\nSupersedes ADR-0005.\n`,
    'docs/adr/0008-costs.md': `# 8. Costs\n${status('Accepted')}\nSince ADR-0005 we run 5 brokers; \`ADR-0005\` in code stays.\n`,
    'docs/guide/reading.md': '# Reading\n\nStart with [the Kafka record](../adr/0005-use-kafka.md#decision).\n',
  };
}

/** What adr-link and adr-supersede report on the set, one line each: file name, line, message. */
export async function linkProblems(root: string, args: readonly string[] = []): Promise<string[]> {
  const lint = await adrlint(root, [...args, '--rule', 'adr-link:error', '--rule', 'adr-supersede:error', '--format', 'json']);
  const results = JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; message: string }> }>;
  return results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId === 'adr-link' || message.ruleId === 'adr-supersede').map((message) => `${result.filePath.split('/').pop()}:${message.line}: ${message.ruleId}: ${message.message}`),
  );
}

