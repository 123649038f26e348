// The benchmark's reference: read every markdown file under a folder and parse it with the bare
// unified + remark-parse + remark-frontmatter, and its frontmatter with `yaml`, on one thread (the
// "bare parse" of issue #14). adrlint does this and more (GFM, mentions, rules), so its time over
// this one says what the rest costs.
// Usage: node scripts/bench-parse.mjs <folder>; prints {"files":n,"bytes":n,"nodes":n}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';

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
  const tree = processor.parse(text);
  nodes += tree.children.length;
  const head = tree.children[0];
  if (head?.type === 'yaml') {
    try {
      parseYaml(head.value);
    } catch {
      // A broken frontmatter costs its parse all the same.
    }
  }
  files++;
  bytes += Buffer.byteLength(text);
}
process.stdout.write(`${JSON.stringify({ files, bytes, nodes })}\n`);
