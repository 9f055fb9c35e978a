// A baseline for `npm run bench`: a process that reads a Markdown file and checks it with
// markdownlint's default rules, as a writer's CI would. Prints the number of problems.
// Usage: node bench/baseline-markdownlint.mjs FILE
import * as fs from 'node:fs';
import { lint } from 'markdownlint/sync';

const text = fs.readFileSync(process.argv[2], 'utf8');
const results = lint({ strings: { draft: text } });
process.stdout.write(`${Object.values(results).reduce((sum, list) => sum + list.length, 0)}\n`);
