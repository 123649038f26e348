// How a folder names its ADR files: numbers read from any such name, the convention inferred from
// most of the names, names checked against it and written in it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, fileNumber, fileNumberDigits, followsNaming, inferNaming, namingFor, namingForm, nextFreeNumber, schemeName } from '../src/model/naming.ts';

describe('fileNumber', () => {
  it.each([
    ['0042-use-kafka.md', 42],
    ['ADR-001-service-notifications.md', 1],
    ['adr_001_use_kafka.md', 1],
    ['ADR001-use-kafka.md', 1],
    ['adr-12-x.markdown', 12],
    ['0001_use_kafka.md', 1],
    ['7_Use PostgreSQL.md', 7],
    ['0005.md', 5],
    ['123456-x.md', 123456],
  ])('%s is number %d', (name, number) => {
    expect(fileNumber(name)).toBe(number);
  });

  it.each([['20200924-use-markdown.md'], ['20200924_use_markdown.md'], ['2020-09-24-use-markdown.md'], ['use-kafka.md'], ['README.md'], ['v2-api.md'], ['adrs-and-more.md'], ['1234567-x.md']])(
    '%s has no number',
    (name) => {
      expect(fileNumber(name)).toBeNull();
    },
  );

  it('keeps the digits as written', () => {
    expect(fileNumberDigits('ADR-007-x.md')).toBe('007');
    expect(fileNumberDigits('0042-x.md')).toBe('0042');
  });
});

describe('inferNaming', () => {
  it('reads the prefix, the separators and the padding from most of the names', () => {
    expect(inferNaming(['ADR-001-a-b.md', 'ADR-002-c.md', 'ADR-003-d-e.md', '0004-f.md'])).toEqual({ kind: 'number', prefix: 'ADR-', width: [3, 3], separator: '-', wordSeparator: '-' });
    expect(inferNaming(['adr_001_a_b.md', 'adr_002_c_d.md'])).toEqual({ kind: 'number', prefix: 'adr_', width: [3, 3], separator: '_', wordSeparator: '_' });
    expect(inferNaming(['20200924-a-b.md', '20200925-c-d.md', 'README.md'])).toMatchObject({ kind: 'date', prefix: '', separator: '-' });
  });

  it('tells padded numbers from unpadded ones', () => {
    expect(inferNaming(['1-a.md', '2-b.md', '10-c.md', '11-d.md', '12-e.md']).width).toEqual([1, 1]);
    expect(inferNaming(['0001-a.md', '0002-b.md', '1000-c.md']).width).toEqual([4, 4]);
    // One padded name among many unpadded ones does not make the folder padded.
    expect(inferNaming(['1-a.md', '2-b.md', '3-c.md', '007-d.md']).width).toEqual([1, 1]);
  });

  it('falls back to NNNN-kebab-title.md where no name shows a convention', () => {
    expect(inferNaming([])).toEqual(DEFAULT_SCHEME);
    expect(inferNaming(['7_Use PostgreSQL.md', 'notes.md'])).toEqual(DEFAULT_SCHEME);
  });

  it('breaks ties towards no prefix and dashes', () => {
    expect(inferNaming(['ADR-001-a.md', '002-b.md'])).toMatchObject({ prefix: '', separator: '-' });
  });
});

describe('followsNaming and names in a scheme', () => {
  const prefixed = inferNaming(['ADR-001-a.md', 'ADR-002-b.md']);

  it('checks each part', () => {
    expect(followsNaming('ADR-003-use-kafka.md', prefixed)).toBe(true);
    expect(followsNaming('ADR-1000-use-kafka.md', prefixed)).toBe(true);
    expect(followsNaming('ADR-0003-use-kafka.md', prefixed)).toBe(false);
    expect(followsNaming('adr-003-use-kafka.md', prefixed)).toBe(false);
    expect(followsNaming('ADR_003_use_kafka.md', prefixed)).toBe(false);
    expect(followsNaming('ADR-003-use_kafka.md', prefixed)).toBe(false);
    expect(followsNaming('ADR-003-use-kafka.MD', prefixed)).toBe(false);
    expect(followsNaming('ADR-003-use kafka.md', prefixed)).toBe(false);
  });

  it('shows the form and writes names in it', () => {
    expect(namingForm(prefixed)).toBe('ADR-NNN-kebab-title.md');
    expect(namingForm(inferNaming(['adr_001_a_b.md']))).toBe('adr_NNN_snake_title.md');
    expect(namingForm(namingFor([], 'date'))).toBe('YYYYMMDD-kebab-title.md');
    expect(schemeName(prefixed, 7, ['use', 'kafka'])).toBe('ADR-007-use-kafka.md');
    expect(schemeName(namingFor(['001-a.md', '002-b.md'], 'number'), 7, ['use', 'kafka'])).toBe('007-use-kafka.md');
  });
});

describe('nextFreeNumber', () => {
  it('is one more than the highest number of a numbered markdown file, whatever else the folder holds', () => {
    expect(nextFreeNumber([])).toBe(1);
    expect(nextFreeNumber(['0001-a.md', '0003-c.markdown', 'README.md'])).toBe(4);
    // Not markdown, a template, a date: no number taken.
    expect(nextFreeNumber(['0001-a.md', '0009-diagram.png', '0008-adr-template.md', '20240105-use-kafka.md'])).toBe(2);
    expect(nextFreeNumber(['ADR-007-x.md', 'adr_012_y.md'])).toBe(13);
  });
});
