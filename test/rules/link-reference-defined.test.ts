import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.ts';
import { lintWithRule, ruleTester } from '../helpers/rule-tester.ts';

const undefinedLink = (label: string, extra = '') => `The link reference "${label}" has no definition, so it shows as plain text; add a "[${label}]: <url>" line${extra}`;
/** The message for a bare `[label]`, which may have been meant as text in brackets. */
const undefinedShortcut = (label: string, extra = '') => undefinedLink(label, `${extra}, or write \\[${label}\\] for brackets as text`);

ruleTester('link-reference-defined', {
  valid: [
    {
      name: 'the rule docs example, right',
      code: '# 1. Use a workflow engine\n\n## Decision\n\nWe use [Workflow Core][workflow-core], as [the spike](https://example.com/spike) showed.\n\n[workflow-core]: https://github.com/danielgerlag/workflow-core\n',
    },
    {
      name: 'full, collapsed and shortcut references to definitions in any case and spacing, images too, definitions anywhere',
      code: '[A][Wf  Core] [wf core][] [WF CORE] ![logo][Logo] ![logo][]\n\n> [wf core]: https://example.com/wf\n\n- [logo]: ./logo.png\n',
    },
    {
      name: 'a bare [label] in a file without reference definitions is text: placeholders, checkboxes, a note (pass-emploi titles)',
      code: '# [short title of solved problem]\n\n- [x] done\n- [ ] open\n\nWe use [Workflow Core] and [option 1].\n',
    },
    {
      name: 'shortcutSyntax false: a bare [label] is never checked, as MD052 by default',
      code: 'We use [Workflow Core].\n\n[elsa]: https://example.com\n',
      options: { shortcutSyntax: false },
    },
    {
      name: 'never in code, inline code, an HTML block, or an inline link\'s text; escaped brackets are text',
      code: '```\nitems[text][ref]\n```\n\n    [a][b] indented\n\nSee `[a][b]` and [see [e][f]](https://example.com) and \\[g\\]\\[h\\] and <code>[c][d]</code>.\n\n<div>\n[i][j]\n</div>\n',
    },
    {
      name: 'index expressions written without backticks are not references: matrix[i][j], f()[0][1]',
      code: 'The cell matrix[i][j] and f()[0][1] and rows[0][] stay as they are.\n',
    },
    {
      name: 'footnotes are not link references',
      code: 'A claim[^1] and [see][^2].\n',
    },
    {
      name: 'with shortcutSyntax, a bare [label] that is defined, and the ignored "x" checkbox',
      code: '- [x] done\n\nWe use [Workflow Core].\n\n[workflow core]: https://example.com\n',
      options: { shortcutSyntax: true },
    },
  ],
  invalid: [
    {
      name: 'the rule docs example, wrong: a misspelt definition (the defined label suggested), none at all, and a bare [label] in a file with definitions',
      code: '# 1. Use a workflow engine\n\n## Decision\n\nWe use [Workflow Core][workflow-core], as [the spike][spike] showed, run by [Elsa].\n\n[workflowcore]: https://github.com/danielgerlag/workflow-core\n',
      errors: [
        { message: undefinedLink('workflow-core', ', or use the defined "workflowcore"'), line: 5, column: 8, endColumn: 38 },
        { message: undefinedLink('spike'), line: 5, column: 43, endColumn: 61 },
        { message: undefinedShortcut('Elsa'), line: 5, column: 77, endColumn: 83 },
      ],
    },
    {
      name: 'a file that writes definitions: bare [labels] with none are links whose definition is missing (konflux 0017, 0032)',
      code: '- [integration-service]: stop creating a [SEB] for the [Environments].\n- Uses the [Component] APIs.\n\n[integration-service]: ../core/integration-service.md\n[Environments]: https://example.com/env\n[Components]: https://example.com/components\n',
      errors: [
        { message: undefinedShortcut('SEB'), line: 1, column: 42, endColumn: 47 },
        { message: undefinedShortcut('Component', ', or use the defined "Components"'), line: 2, column: 12, endColumn: 23 },
      ],
    },
    {
      name: 'a one-letter difference in a short label is another word, not a typo: no suggestion',
      code: 'The [DTCLS] pick [DTCs].\n\n[DTCs]: https://example.com/dtc\n',
      errors: [{ message: undefinedShortcut('DTCLS'), line: 1, column: 5 }],
    },
    {
      name: 'the collapsed form, an image reference, in a heading, a list item and a block quote',
      code: '# Use [Kafka][]\n\n- ![the flow][flow-diagram]\n\n> See [the ADR][adr-5].\n',
      errors: [
        { message: undefinedLink('Kafka'), line: 1, column: 7, endColumn: 16 },
        { message: 'The image reference "flow-diagram" has no definition, so it shows as plain text; add a "[flow-diagram]: <url>" line', line: 3, column: 3, endColumn: 28 },
        { message: undefinedLink('adr-5'), line: 5, column: 7, endColumn: 23 },
      ],
    },
    {
      name: 'with shortcutSyntax true, a bare [label] anywhere; ignoredLabels replaces the default ["x"]',
      code: 'We use [Workflow Core] and [TBD].\n\n- [x] done\n',
      options: { shortcutSyntax: true, ignoredLabels: ['tbd'] },
      errors: [
        { message: undefinedShortcut('Workflow Core'), line: 1, column: 8, endColumn: 23 },
        { message: undefinedShortcut('x'), line: 3, column: 3, endColumn: 6 },
      ],
    },
    {
      name: 'inside inline HTML tags markdown is still markdown: an undefined reference there is shown as text too',
      code: 'See <span>[the record][adr-5]</span>.\n',
      errors: [{ message: undefinedLink('adr-5'), line: 1, column: 11, endColumn: 30 }],
    },
    {
      name: 'a reference split over two lines, beside parsed links and code',
      code: 'See [the `kafka` record](0002-kafka.md) and [the owner\nreference][oref], `[not][this]`.\n',
      errors: [{ message: undefinedLink('oref'), line: 1, column: 45, endLine: 2, endColumn: 17 }],
    },
  ],
});

describe('link-reference-defined suggestions', () => {
  it('writes the defined label in place of a misspelt one, in the full and the collapsed form', () => {
    const code = 'We use [Workflow Core][workflow-cor] and [workflow-cre][].\n\n[workflow-core]: https://example.com\n';
    const { adr, messages } = lintWithRule('link-reference-defined', code);
    expect(messages.map((m) => m.fix)).toEqual([undefined, undefined]);
    expect(messages.map((m) => m.suggestions?.map((s) => [s.desc, applyEdits(adr.text, [s.fix]).text.split('\n')[0]]))).toEqual([
      [['Use the defined label "workflow-core"', 'We use [Workflow Core][workflow-core] and [workflow-cre][].']],
      [['Use the defined label "workflow-core"', 'We use [Workflow Core][workflow-cor] and [workflow-cre][workflow-core].']],
    ]);
  });

  it('suggests nothing when two defined labels are as close', () => {
    const { messages } = lintWithRule('link-reference-defined', 'See [a][ref-3].\n\n[ref-1]: https://a.example\n[ref-2]: https://b.example\n');
    expect(messages.map((m) => [m.message, m.suggestions])).toEqual([[undefinedLink('ref-3'), undefined]]);
  });
});
