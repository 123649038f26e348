import { ruleTester } from '../helpers/rule-tester.ts';

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
  ],
  invalid: [
    {
      name: 'the rule docs example, wrong: a renamed record and a misspelt own heading',
      filename: 'docs/adr/0001-use-postgresql.md',
      code: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting-on-aws.md) and [the risks](#risk).\n\n## Risks\n\nNone known.\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: 'Link target "0002-hosting-on-aws.md" does not exist; did you mean "0002-hosting.md"?', line: 5, column: 5, endLine: 5, endColumn: 51 },
        { message: 'This file has no heading for "#risk"; did you mean "#risks"?', line: 5, column: 56, endColumn: 74 },
      ],
      output: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting.md) and [the risks](#risk).\n\n## Risks\n\nNone known.\n',
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
      name: 'a heading missing in another markdown file (its .html page too), with the closest heading named',
      code: 'See [the decision](0002-hosting.md#decisions) and [the page](0002-hosting.html#costs).\n',
      files: { 'docs/adr/0002-hosting.md': B },
      errors: [
        { message: '0002-hosting.md has no heading for "#decisions"; did you mean "#decision"?', line: 1, column: 5, endColumn: 46 },
        { message: '0002-hosting.md has no heading for "#costs"', line: 1, column: 51 },
      ],
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
  ],
});
