// Cold start of the language server, on its own (the full benchmark, bench/run.mjs, measures it too):
//   node bench/cold-start.mjs [--runs N]
// For each run: spawn `node dist/server.js --stdio` and time (1) the `initialize` response and
// (2) the first diagnostics of a one-line draft opened right after `initialized`, which includes
// loading the corpus (the resolution index among it). Medians after one warm-up; needs `npm run build`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LspServer } from './lsp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = path.join(ROOT, 'dist', 'server.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const RUNS = Math.max(1, Number(values.runs) || 10);
const URI = 'file:///cold-start/draft.md';
const TEXT = 'Resolution 2231 (2015) and Article 51 of the UN Charter.\n';

if (!fs.existsSync(SERVER)) {
  console.error(`${SERVER} is missing: run npm run build first`);
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const initializeTimes = [];
const diagnosticsTimes = [];
for (let run = 0; run <= RUNS; run++) {
  const server = new LspServer(SERVER);
  try {
    const { arrivedAt } = await server.initialize(20000);
    const diagnostics = server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === URI, 20000, 'the first diagnostics');
    server.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });
    const published = await diagnostics;
    if (run > 0) {
      initializeTimes.push(arrivedAt - server.startedAt);
      diagnosticsTimes.push(published.arrivedAt - server.startedAt);
    }
  } finally {
    await server.stop();
  }
}
console.log(`server cold start, median of ${RUNS} after a warm-up:`);
console.log(`  spawn → initialize response:  ${median(initializeTimes).toFixed(0)} ms (min ${Math.min(...initializeTimes).toFixed(0)}, max ${Math.max(...initializeTimes).toFixed(0)})`);
console.log(`  spawn → first diagnostics:    ${median(diagnosticsTimes).toFixed(0)} ms (min ${Math.min(...diagnosticsTimes).toFixed(0)}, max ${Math.max(...diagnosticsTimes).toFixed(0)})`);
