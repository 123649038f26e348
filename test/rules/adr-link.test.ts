import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.ts';
import { lintWithRule, ruleTester, type CaseSettings } from '../helpers/rule-tester.ts';

const B = '# 2. Hosting\n\n## Status\n\nAccepted\n\n## Decision\n\nWe host on AWS.\n';

ruleTester('adr-link', {
  valid: [
    {
      name: 'the rule docs example, right: an existing file with its heading, and an own heading',
      code: 'See [hosting](0002-hosting.md#decision) and [the risks](#risks).\n\n## Risks\n\nNone.\n',
      files: { 'docs/adr/0002-hosting.md': B },
    },
    {
      name: 'external URLs of any scheme are never checked',
      code: '[a](https://example.com/missing.md) [b](http://x.invalid/#nowhere) [c](mailto:team@example.com) [d](ftp://host/x) [e](//cdn.example.com/y) <https://z.example>\n',
    },
    {
      name: 'an .html page of an existing markdown file, with a heading anchor (konflux)',
      code: 'See [ADR 2](0002-hosting.html#decision) and [the status](0002-hosting.html#status).\n',
      files: { 'docs/adr/0002-hosting.md': B },
    },
    {
      name: 'own anchors: any case, percent-encoded, GitHub\'s user-content- prefix, an HTML anchor, an empty #',
      code: '# Title\n\n## Décision prise\n\n<a name="appendix"></a>\n\n[a](#D%C3%A9cision-prise) [b](#user-content-title) [c](#appendix) [d](#)\n',
    },
    {
      name: 'folders, paths from the repository root, percent-encoding and a query',
      code: '[pics](images/) [up](..) [readme](/README.md) [notes](my%20notes.md) [raw](../../src/main.go#L10) [source](README.md?plain=1#L3)\n',
      files: { 'docs/adr/images/flow.png': '', 'README.md': '# Readme\n', 'docs/adr/my notes.md': '# Notes\n', 'docs/adr/README.md': '# ADRs\n', 'src/main.go': 'package main\n' },
    },
    {
      name: 'a reference link whose definition names an existing file',
      code: 'See [the hosting decision][hosting].\n\n[hosting]: ./0002-hosting.md "ADR 2"\n',
      files: { 'docs/adr/0002-hosting.md': B },
    },
    {
      name: 'images that exist: relative, through a reference, inside a link; external and data: images are never checked',
      code: '![flow](img/flow.png "Flow") ![up](../shared/logo.svg) ![ref][diagram] [![badge](img/badge.svg)](https://ci.example.com)\n\n![remote](https://example.com/missing.png) ![inline](data:image/png;base64,AAAA) ![empty]()\n\n[diagram]: <img/my diagram.png>\n',
      files: { 'docs/adr/img/flow.png': '', 'docs/shared/logo.svg': '', 'docs/adr/img/my diagram.png': '', 'docs/adr/img/badge.svg': '' },
    },
    {
      name: 'an image with a #fragment or a query: only the file is checked',
      code: '![map](img/map.svg#layer-2) ![map](img/map.svg?raw=true)\n',
      files: { 'docs/adr/img/map.svg': '' },
    },
  ],
  invalid: [
    {
      name: 'the rule docs example, wrong: a renamed record, a misspelt own heading and a missing image',
      filename: 'docs/adr/0001-use-postgresql.md',
      code: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting-on-aws.md) and [the risks](#risk).\n\n![The schema](schema.png)\n\n## Risks\n\nNone known.\n',
      files: { 'docs/adr/0002-hosting.md': B, 'docs/adr/img/schema.png': '' },
      errors: [
        { message: 'Link target "0002-hosting-on-aws.md" does not exist; did you mean "0002-hosting.md"?', line: 5, column: 5, endLine: 5, endColumn: 51 },
        { message: 'This file has no heading for "#risk"; did you mean "#risks"?', line: 5, column: 56, endColumn: 74 },
        { message: 'Image "schema.png" does not exist', line: 7, column: 1, endColumn: 26 },
      ],
      output: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting.md) and [the risks](#risks).\n\n![The schema](schema.png)\n\n## Risks\n\nNone known.\n',
    },
    {
      name: 'a renamed record (same number prefix): "did you mean", and the fix replaces the file name, keeping the #fragment',
      code: 'See [the hosting decision](0002-hosting-on-aws.md#decision).\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [{ message: 'Link target "0002-hosting-on-aws.md" does not exist; did you mean "0002-hosting.md"?', line: 1, column: 5, endColumn: 60 }],
      output: 'See [the hosting decision](0002-hosting.md#decision).\n',
    },
    {
      name: 'the same name under another number, linked as an .html page: the fix keeps .html (konflux 0015)',
      filename: 'docs/adr/0015-two-phase.md',
      code: 'Superseded by [ADR 36. Promotes](0036-integration-service-promotes.html)\n',
      files: { 'docs/adr/0037-integration-service-promotes.md': '# 37. Promotes\n' },
      errors: [
        {
          message: 'Link target "0036-integration-service-promotes.html" does not exist; did you mean "0037-integration-service-promotes.html"?',
          line: 1,
          column: 15,
        },
      ],
      output: 'Superseded by [ADR 36. Promotes](0037-integration-service-promotes.html)\n',
    },
    {
      name: 'two candidates: both named, no fix',
      code: 'See [ADR 3](0003-queues.md).\n',
      files: { 'docs/adr/0003-use-kafka.md': '# 3. Kafka\n', 'docs/adr/0003-use-rabbitmq.md': '# 3. RabbitMQ\n' },
      errors: [{ message: 'Link target "0003-queues.md" does not exist; did you mean "0003-use-kafka.md" or "0003-use-rabbitmq.md"?', line: 1, column: 5 }],
    },
    {
      name: 'a heading missing in another markdown file (its .html page too): the one close heading is the fix',
      code: 'See [the decision](0002-hosting.md#decisions) and [the page](0002-hosting.html#costs).\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: '0002-hosting.md has no heading for "#decisions"; did you mean "#decision"?', line: 1, column: 5, endColumn: 46 },
        { message: '0002-hosting.md has no heading for "#costs"', line: 1, column: 51 },
      ],
      output: 'See [the decision](0002-hosting.md#decision) and [the page](0002-hosting.html#costs).\n',
    },
    {
      name: 'a path from the repository root that does not exist',
      code: 'See [the guide](/docs/guide.md) and [the image](/docs/adr/img/flow.png).\n',
      files: { 'docs/adr/img/other.png': '' },
      errors: [
        { message: 'Link target "/docs/guide.md" does not exist', line: 1, column: 5 },
        { message: 'Link target "/docs/adr/img/flow.png" does not exist', line: 1, column: 37 },
      ],
    },
    {
      name: 'a reference link to a renamed record: the fix edits the definition',
      code: 'See [hosting][h] and [again][h].\n\n[h]: <0002-host.md> "ADR 2"\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: 'Link target "0002-host.md" does not exist; did you mean "0002-hosting.md"?', line: 1, column: 5, endColumn: 17 },
        { message: 'Link target "0002-host.md" does not exist; did you mean "0002-hosting.md"?', line: 1, column: 22 },
      ],
      output: 'See [hosting][h] and [again][h].\n\n[h]: <0002-hosting.md> "ADR 2"\n',
    },
    {
      name: 'subfolders: candidates come from the folder the link points into',
      filename: 'docs/adr/billing/0001-invoices.md',
      code: 'See [2](0002-old.md) and [2 above](../0002-old.md).\n',
      files: { 'docs/adr/0002-payments.md': '# 2. Payments\n' },
      errors: [
        { message: 'Link target "0002-old.md" does not exist', line: 1, column: 5 },
        { message: 'Link target "../0002-old.md" does not exist; did you mean "0002-payments.md"?', line: 1, column: 26 },
      ],
      output: 'See [2](0002-old.md) and [2 above](../0002-payments.md).\n',
    },
    {
      name: 'CRLF: the fix touches only the file name',
      code: '# 1. A\r\n\r\nSee [B](./0002-hostin.md "title")\r\nand [C](0003-c.md).\r\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: 'Link target "./0002-hostin.md" does not exist; did you mean "0002-hosting.md"?', line: 3, column: 5, endLine: 3, endColumn: 34 },
        { message: 'Link target "0003-c.md" does not exist', line: 4, column: 5 },
      ],
      output: '# 1. A\r\n\r\nSee [B](./0002-hosting.md "title")\r\nand [C](0003-c.md).\r\n',
    },
    {
      name: 'a missing image, inline or through a reference; a renamed numbered image is fixed as a link is',
      code: '![diagram](./missing.png)\n\n![flow][f] and ![context](img/0008-context.png)\n\n[f]: diagrams/flow.svg\n',
      files: { 'docs/adr/img/0008-context-v2.png': '', 'docs/adr/img/0008-context.svg': '' },
      errors: [
        { message: 'Image "./missing.png" does not exist', line: 1, column: 1, endColumn: 26 },
        { message: 'Image "diagrams/flow.svg" does not exist', line: 3, column: 1, endColumn: 11 },
        { message: 'Image "img/0008-context.png" does not exist; did you mean "0008-context-v2.png"?', line: 3, column: 16, endColumn: 48 },
      ],
      output: '![diagram](./missing.png)\n\n![flow][f] and ![context](img/0008-context-v2.png)\n\n[f]: diagrams/flow.svg\n',
    },
    {
      name: 'the closest name by spelling is a guess: named, never fixed (an image, a page, a record under another number)',
      code: '![c](img/contxt.png) [guide](guide-line.md) [ADR 5](0005-use-kafka.md)\n',
      files: { 'docs/adr/img/context.png': '', 'docs/adr/guideline.md': '# Guide\n', 'docs/adr/0006-use-kafk.md': '# 6. Kafka\n' },
      errors: [
        { message: 'Image "img/contxt.png" does not exist; did you mean "context.png"?', line: 1, column: 1 },
        { message: 'Link target "guide-line.md" does not exist; did you mean "guideline.md"?', line: 1, column: 22 },
        { message: 'Link target "0005-use-kafka.md" does not exist; did you mean "0006-use-kafk.md"?', line: 1, column: 45 },
      ],
    },
    {
      name: 'no guess when two names are as close, or none is close',
      code: '[a](0003-use-kafkb.md) [b](notes.md)\n',
      files: { 'docs/adr/0001-use-kafka.md': '# 1. K\n', 'docs/adr/0002-use-kafkc.md': '# 2. K\n', 'docs/adr/0004-other.md': '# 4. O\n' },
      errors: [
        { message: 'Link target "0003-use-kafkb.md" does not exist', line: 1, column: 1 },
        { message: 'Link target "notes.md" does not exist', line: 1, column: 24 },
      ],
    },
    {
      name: 'a path written from the repository root without its "/": the file of the same name in this folder is named, not fixed (ensembl)',
      filename: 'doc/adr/0020-auxiliary-content.md',
      code: 'See [ADR 21](doc/adr/0021-react-testing-library.md).\n',
      files: { 'doc/adr/0021-react-testing-library.md': '# 21. RTL\n' },
      errors: [{ message: 'Link target "doc/adr/0021-react-testing-library.md" does not exist; did you mean "0021-react-testing-library.md"?', line: 1, column: 5 }],
    },
    {
      name: 'the same title under two other numbers: both named, no fix',
      code: 'See [ADR 3](0003-use-kafka.md).\n',
      files: { 'docs/adr/0004-use-kafka.md': '# 4. Kafka\n', 'docs/adr/0005-use-kafka.md': '# 5. Kafka\n' },
      errors: [{ message: 'Link target "0003-use-kafka.md" does not exist; did you mean "0004-use-kafka.md" or "0005-use-kafka.md"?', line: 1, column: 5 }],
    },
    {
      name: 'an anchor to a renamed heading: fixed when one heading is a typo away, in this file, another file or a definition',
      code: '# 1. A\n\n## Considered Options\n\n[a](#considered-option) [b](0002-hosting.md#Decison) [c][d]\n\n[d]: ./0002-hosting.md#stauts "Status"\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: 'This file has no heading for "#considered-option"; did you mean "#considered-options"?', line: 5, column: 1, endColumn: 24 },
        { message: '0002-hosting.md has no heading for "#Decison"; did you mean "#decision"?', line: 5, column: 25 },
        { message: '0002-hosting.md has no heading for "#stauts"; did you mean "#status"?', line: 5, column: 54 },
      ],
      output: '# 1. A\n\n## Considered Options\n\n[a](#considered-options) [b](0002-hosting.md#decision) [c][d]\n\n[d]: ./0002-hosting.md#status "Status"\n',
    },
    {
      name: 'an anchor with two headings as close, or a heading reworded longer: named, not fixed',
      code: '# 1. A\n\n## Option 1\n\n## Option 2\n\n## Decision Outcome\n\n[a](#option-3) [b](#decision) [c](#outcome)\n',
      errors: [
        { message: 'This file has no heading for "#option-3"; did you mean "#option-1" or "#option-2"?', line: 9, column: 1 },
        { message: 'This file has no heading for "#decision"; did you mean "#decision-outcome"?', line: 9, column: 16 },
        { message: 'This file has no heading for "#outcome"; did you mean "#decision-outcome"?', line: 9, column: 31 },
      ],
    },
  ],
});

/** The texts the suggestions of the rule's problems would make, problem by problem. */
function suggestedTexts(code: string, settings: CaseSettings): Array<Array<{ desc: string; output: string }>> {
  const { adr, messages } = lintWithRule('adr-link', code, settings);
  return messages.map((message) => (message.suggestions ?? []).map((suggestion) => ({ desc: suggestion.desc, output: applyEdits(adr.text, [suggestion.fix]).text })));
}

describe('adr-link suggestions: what is not certain is offered, one edit each', () => {
  it('each record of a number two share, each record of a title two numbers share', () => {
    const two = suggestedTexts('See [ADR 3](0003-queues.md).\n', { files: { 'docs/adr/0003-use-kafka.md': '# 3. K\n', 'docs/adr/0003-use-rabbitmq.md': '# 3. R\n' } });
    expect(two).toEqual([
      [
        { desc: 'Link to "0003-use-kafka.md"', output: 'See [ADR 3](0003-use-kafka.md).\n' },
        { desc: 'Link to "0003-use-rabbitmq.md"', output: 'See [ADR 3](0003-use-rabbitmq.md).\n' },
      ],
    ]);
  });

  it('the closest name by spelling, and the same name in the linking file\'s folder (the whole path replaced)', () => {
    expect(suggestedTexts('[ADR 5](./0005-use-kafka.md#decision)\n', { files: { 'docs/adr/0006-use-kafk.md': '# 6. K\n' } })).toEqual([
      [{ desc: 'Link to "0006-use-kafk.md"', output: '[ADR 5](./0006-use-kafk.md#decision)\n' }],
    ]);
    const root = suggestedTexts('See [ADR 21](doc/adr/0021-rtl.md#status).\n', { filename: 'doc/adr/0020-aux.md', files: { 'doc/adr/0021-rtl.md': '# 21. RTL\n' } });
    expect(root).toEqual([[{ desc: 'Link to "0021-rtl.md"', output: 'See [ADR 21](0021-rtl.md#status).\n' }]]);
  });

  it('each close heading of an anchor, and a heading reworded longer', () => {
    const code = '# 1. A\n\n## Option 1\n\n## Option 2\n\n## Decision Outcome\n\n[a](#option-3) [b](#decision)\n';
    expect(suggestedTexts(code, {}).map((list) => list.map((entry) => [entry.desc, entry.output.slice(code.lastIndexOf('\n\n') + 2)]))).toEqual([
      [
        ['Link to "#option-1"', '[a](#option-1) [b](#decision)\n'],
        ['Link to "#option-2"', '[a](#option-2) [b](#decision)\n'],
      ],
      [['Link to "#decision-outcome"', '[a](#option-3) [b](#decision-outcome)\n']],
    ]);
  });

  it('a certain fix comes with no suggestion', () => {
    expect(suggestedTexts('[a](#risk)\n\n## Risks\n', {})).toEqual([[]]);
  });
});
