// A baseline for `npm run bench`: a process that only reads a Markdown file and parses it
// with markdown-it (CommonMark, default options), as the cheapest whole-file tool would.
// Prints the number of tokens. Usage: node bench/baseline-markdown-it.cjs FILE
const fs = require('node:fs');
const MarkdownIt = require('markdown-it');

const text = fs.readFileSync(process.argv[2], 'utf8');
process.stdout.write(`${new MarkdownIt().parse(text, {}).length}\n`);
