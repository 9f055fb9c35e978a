/**
 * Peak memory of one full analysis, in a process of its own (run by bench/run.mjs as
 * `node --expose-gc bench/.cache/run-XXXX/memory-child.cjs DATA_DIR DRAFT_FILE`).
 *
 * Warms the analysis up on a 10 KiB draft (as the in-process timings are), then prints one
 * JSON line: the RSS and heap after loading the corpus and reading the draft (baseline), the
 * process's peak RSS after one analysis (process.resourceUsage().maxRSS, the high-water mark
 * of the whole process lifetime, so it includes the baseline), the heap still used while the
 * analysis result is alive, after a full GC (what the result retains), and how long that
 * analysis took with its counts.
 */
import * as fs from 'node:fs';
import { analyzeDocument } from '../server/src/core/analyze';
import { loadCorpus } from '../server/src/core/corpus';
import { generateDraft } from './draft';

const [dataDirectory, draftFile] = process.argv.slice(2);
if (!dataDirectory || !draftFile) {
  process.stderr.write('usage: memory-child DATA_DIR DRAFT_FILE\n');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('memory-child: run with --expose-gc\n');
  process.exit(2);
}
const { corpus, problems } = loadCorpus(dataDirectory);
if (problems.length > 0) {
  process.stderr.write(`memory-child: data problems: ${problems.map((problem) => problem.message).join('; ')}\n`);
  process.exit(2);
}
const warm = generateDraft(10 * 1024, 2);
for (let run = 0; run < 3; run++) analyzeDocument(warm, corpus);
const text = fs.readFileSync(draftFile, 'utf8');
gc();
const baseline = process.memoryUsage();
const baselineMaxRss = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const analysis = analyzeDocument(text, corpus);
const elapsedMs = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
const retained = process.memoryUsage();
const codes: Record<string, number> = {};
for (const diagnostic of analysis.diagnostics) codes[diagnostic.code] = (codes[diagnostic.code] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    bytes: Buffer.byteLength(text),
    references: analysis.references.length,
    diagnostics: analysis.diagnostics.length,
    codes,
    elapsedMs,
    baselineRss: baseline.rss,
    baselineMaxRss,
    baselineHeapUsed: baseline.heapUsed,
    peakRss,
    retainedHeapUsed: retained.heapUsed,
  })}\n`,
);
