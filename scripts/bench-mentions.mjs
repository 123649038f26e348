// The benchmark's mention-matching measure: load a catalogue file, then parse one ADR with it (the
// prose mentions are found during the parse), in this process, so that node's start-up and the
// catalogue's YAML are not counted as matching.
// Usage: node scripts/bench-mentions.mjs <catalogue.yaml> <adr.md> [runs];
// prints {"patterns":n,"loadMs":n,"firstParseMs":n,"parseMs":n,"mentions":n}: the first parse (cold,
// as a CLI run does it) and the median of the runs.
import { readFileSync } from 'node:fs';
import { catalogueWithUser, parseAdr } from '../dist/lib.js';

const [catalogueFile, adrFile, runsText = '5'] = process.argv.slice(2);
if (!catalogueFile || !adrFile) {
  process.stderr.write('usage: node scripts/bench-mentions.mjs <catalogue.yaml> <adr.md> [runs]\n');
  process.exit(2);
}
const loadStart = performance.now();
const catalogue = catalogueWithUser(catalogueFile, readFileSync(catalogueFile, 'utf8'));
const loadMs = performance.now() - loadStart;
const source = readFileSync(adrFile, 'utf8');
const times = [];
let mentions = 0;
for (let run = 0; run < Number(runsText); run++) {
  const start = performance.now();
  mentions = parseAdr(adrFile, source, catalogue).mentions.length;
  times.push(performance.now() - start);
}
const firstParseMs = times[0];
times.sort((a, b) => a - b);
const parseMs = times[Math.floor(times.length / 2)];
process.stdout.write(`${JSON.stringify({ patterns: catalogue.patterns.length, loadMs, firstParseMs, parseMs, mentions })}\n`);
