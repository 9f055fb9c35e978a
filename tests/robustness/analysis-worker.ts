/**
 * Runs in a worker thread (see isolated.ts): analyses the texts it is sent with the
 * worktree's analysis core and the bundled corpus, checks the invariants there, and posts
 * back a compact summary. Kept separate so that a test can stop an analysis that does not
 * finish (a hang or super-linear blow-up) by terminating the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeDocument } from '../../server/src/core/analyze';
import { loadCorpus } from '../../server/src/core/corpus';
import { analysisProblems } from './invariants';
import type { IsolatedRequest, IsolatedSummary } from './isolated';

const { dataDir } = workerData as { dataDir: string };
const { corpus, problems: dataProblems } = loadCorpus(dataDir);
if (dataProblems.length > 0) throw new Error(`data problems: ${dataProblems.map((problem) => problem.message).join('; ')}`);

parentPort?.on('message', (request: IsolatedRequest) => {
  let summary: IsolatedSummary;
  try {
    const started = performance.now();
    const analysis = analyzeDocument(request.text, corpus, request.settings);
    const elapsedMs = performance.now() - started;
    const countsByCode: Record<string, number> = {};
    for (const finding of analysis.diagnostics) countsByCode[finding.code] = (countsByCode[finding.code] ?? 0) + 1;
    const referencesById: Record<string, number> = {};
    for (const reference of analysis.references) referencesById[reference.id] = (referencesById[reference.id] ?? 0) + 1;
    summary = {
      ok: true,
      elapsedMs,
      textLength: request.text.length,
      referenceCount: analysis.references.length,
      referencesById,
      countsByCode,
      diagnostics: analysis.diagnostics.map((finding) => ({ code: finding.code, start: finding.start, end: finding.end, line: finding.range.start.line })),
      problems: analysisProblems(request.text, analysis).slice(0, 50),
    };
  } catch (error) {
    summary = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort?.postMessage(summary);
});
