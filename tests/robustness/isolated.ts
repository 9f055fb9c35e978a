/**
 * Analysis in a worker thread with a hard deadline.
 *
 * A per-test timeout cannot stop synchronous code: an analysis that never returns (or runs
 * for an hour on a quadratic path) would stall the whole test run. Here the analysis runs in
 * a worker thread that is terminated at the deadline, so such a case fails cleanly, naming
 * the input, and the run goes on.
 *
 * The worker is analysis-worker.ts with the worktree's sources, bundled with esbuild once per
 * test file (dependencies stay external and load from the repository's node_modules).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import type { AnalysisSettings } from '../../server/src/core/analyze';
import { DATA_DIR, REPO_ROOT } from '../helpers';

export interface IsolatedRequest {
  text: string;
  settings?: AnalysisSettings;
}

export type IsolatedSummary =
  | {
      ok: true;
      /** The analysis's own duration, for the test's message (never asserted). */
      elapsedMs: number;
      textLength: number;
      referenceCount: number;
      referencesById: Record<string, number>;
      countsByCode: Record<string, number>;
      diagnostics: Array<{ code: string; start: number; end: number; line: number }>;
      /** invariants.ts analysisProblems, at most 50. */
      problems: string[];
    }
  | { ok: false; error: string };

export type IsolatedOutcome = IsolatedSummary | { ok: false; error: string; timedOut: true };

let bundle: Promise<string> | undefined;

function workerBundle(): Promise<string> {
  bundle ??= (async () => {
    const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-robustness-')), 'analysis-worker.cjs');
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'tests', 'robustness', 'analysis-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      // The bundle lives in a temporary folder: resolve the external packages from the repository.
      banner: { js: `var require = require('node:module').createRequire(${JSON.stringify(path.join(REPO_ROOT, 'package.json'))});` },
    });
    return outfile;
  })();
  return bundle;
}

/**
 * Analyses `text` in a fresh worker; resolves with the summary, or with a failure when the
 * analysis throws, the worker dies (e.g. out of memory), or `deadlineMs` passes first.
 */
export async function analyzeIsolated(request: IsolatedRequest, deadlineMs: number): Promise<IsolatedOutcome> {
  const file = await workerBundle();
  const worker = new Worker(file, { workerData: { dataDir: DATA_DIR }, resourceLimits: { maxOldGenerationSizeMb: 8192 } });
  try {
    return await new Promise<IsolatedOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, timedOut: true, error: `no result within ${deadlineMs} ms (the worker was terminated)` }), deadlineMs);
      worker.once('message', (summary: IsolatedSummary) => {
        clearTimeout(timer);
        resolve(summary);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ ok: false, error: `worker error: ${error instanceof Error ? error.stack ?? error.message : String(error)}` });
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ ok: false, error: `worker exited with code ${code} before answering` });
      });
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}

/** The summary of a successful analysis, or an error naming what went wrong. */
export async function analyzeIsolatedOrFail(what: string, request: IsolatedRequest, deadlineMs: number): Promise<Extract<IsolatedSummary, { ok: true }>> {
  const outcome = await analyzeIsolated(request, deadlineMs);
  if (!outcome.ok) throw new Error(`${what} (${request.text.length} UTF-16 code units): ${outcome.error}`);
  return outcome;
}
