// The benchmark's reference: read every markdown file under a folder and parse it with the bare
// unified + remark-parse + remark-frontmatter, on one thread. adrlint does this and more (YAML,
// GFM, mentions, rules), so its time over this one says what the rest costs.
// Usage: node scripts/bench-parse.mjs <folder>; prints {"files":n,"bytes":n,"nodes":n}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node scripts/bench-parse.mjs <folder>\n');
  process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let files = 0;
let bytes = 0;
// Counting the top-level nodes keeps the parse from being work nobody reads.
let nodes = 0;
for (const entry of readdirSync(folder, { recursive: true }).sort()) {
  if (!/\.(?:md|markdown)$/i.test(entry)) continue;
  const text = readFileSync(join(folder, entry), 'utf8');
  nodes += processor.parse(text).children.length;
  files++;
  bytes += Buffer.byteLength(text);
}
process.stdout.write(`${JSON.stringify({ files, bytes, nodes })}\n`);
