// The benchmark's HTML report measure (issue #18: the page in at most 10 % of the lint run's time):
// in one process, the lint run of a set (lintProject, as `adrlint report` runs it) and then what
// the HTML report adds to it (the set report, the page model and the page), each the median of
// several runs after a first one that warms both up; and the page's size.
// Usage: tsx scripts/bench-report.ts <root> <folder> [runs]; prints
// {"adrs":n,"problems":n,"bytes":n,"lintMs":n,"htmlMs":n}.
import { buildReportPage, buildSetReport, formatReportHtml } from '../src/format/report.ts';
import { lintProject } from '../src/run/lint-project.ts';

const [root, folder, runsText = '5'] = process.argv.slice(2);
if (!root || !folder) {
  process.stderr.write('usage: tsx scripts/bench-report.ts <root> <folder> [runs]\n');
  process.exit(2);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function once(): Promise<{ lintMs: number; htmlMs: number; html: string; problems: number; adrs: number }> {
  let start = performance.now();
  const outcome = await lintProject({ cwd: root!, paths: [folder!] });
  const lintMs = performance.now() - start;
  start = performance.now();
  const set = buildSetReport(outcome.records, outcome.catalogue, { root: root!, conventions: outcome.conventions, ...(outcome.config.statusesGiven ? { statuses: outcome.config.statuses } : {}) });
  const page = buildReportPage(set, outcome.catalogue.categories, { root: root!, name: 'bench', generated: new Date(0), version: '0.0.0', records: outcome.records, results: outcome.results });
  const html = formatReportHtml(page, { fileHref: (path) => path.split('/').map(encodeURIComponent).join('/') });
  const htmlMs = performance.now() - start;
  return { lintMs, htmlMs, html, problems: page.files.reduce((sum, file) => sum + file.problems.length, 0), adrs: page.adrs.length };
}

const runs = Number(runsText);
const first = await once();
const lint: number[] = [];
const html: number[] = [];
for (let i = 0; i < runs; i++) {
  const run = await once();
  lint.push(run.lintMs);
  html.push(run.htmlMs);
}
process.stdout.write(`${JSON.stringify({ adrs: first.adrs, problems: first.problems, bytes: Buffer.byteLength(first.html), lintMs: median(lint), htmlMs: median(html) })}\n`);
