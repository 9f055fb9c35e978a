// `npm run bench`: Lexicite's performance on synthetic drafts (bench/draft.ts), through public
// entry points only: analyzeDocument() in this process, the built language server over stdio.
//
//   node bench/run.mjs                 full run (10 KB … 5 MB), writes bench/results.md
//   node bench/run.mjs --quick         10 KB and 100 KB only, few runs (a smoke test), writes bench/results-quick.md
//   node bench/run.mjs --out FILE      write the Markdown results to FILE instead
//   node bench/run.mjs --no-build      use dist/ as it is (the tests build it once beforehand)
//
// Missed targets are printed, not failed: the exit code is non-zero only for real errors
// (a build failure, a server that dies or does not answer in time, a crash).
// See bench/README.md for what each row measures.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { lint as markdownlint } from 'markdownlint/sync';
import { delay, killAllServers, LspServer } from './lsp.mjs';
import { compareProcesses } from './processes.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const DATA = path.join(ROOT, 'data');
const KIB = 1024;
const MIB = 1024 * KIB;

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^\/\/ ?/gm, '') + '\n');
  process.exit(0);
}
const QUICK = options.quick;
const OUT = path.resolve(options.out ?? path.join(ROOT, 'bench', QUICK ? 'results-quick.md' : 'results.md'));

/**
 * The plan. Each timed measurement runs up to `runs` times but stops early once `budgetMs`
 * is spent (at least one run), so that a slow analysis cannot make the bench run for ages;
 * the number of runs actually made is reported beside each median. The memory measurement
 * (a child process) analyses the largest draft once first: if that one analysis already took
 * longer than the draft's whole lexicite budget, it is not repeated in this process and its
 * time is the single sample (the table says so).
 */
const SIZES = QUICK
  ? [
      { label: '10 KB', bytes: 10 * KIB, lexicite: { runs: 5, budgetMs: 3000 }, markdownlint: { runs: 3, budgetMs: 3000 } },
      { label: '100 KB', bytes: 100 * KIB, lexicite: { runs: 3, budgetMs: 3000 }, markdownlint: { runs: 3, budgetMs: 3000 } },
    ]
  : [
      { label: '10 KB', bytes: 10 * KIB, lexicite: { runs: 21, budgetMs: 5000 }, markdownlint: { runs: 21, budgetMs: 5000 } },
      { label: '100 KB', bytes: 100 * KIB, lexicite: { runs: 11, budgetMs: 8000 }, markdownlint: { runs: 11, budgetMs: 8000 } },
      { label: '1 MB', bytes: MIB, lexicite: { runs: 7, budgetMs: 10000 }, markdownlint: { runs: 5, budgetMs: 10000 } },
      { label: '5 MB', bytes: 5 * MIB, lexicite: { runs: 5, budgetMs: 15000 }, markdownlint: { runs: 3, budgetMs: 20000 } },
    ];
/** The draft the server measurements open, and the one whose peak memory is measured. */
const SERVER_DRAFT = QUICK ? SIZES[1] : SIZES[2];
const MEMORY_DRAFT = QUICK ? SIZES[1] : SIZES[3];
const EDITS = QUICK ? { count: 4, warmup: 2, budgetMs: 20000 } : { count: 60, warmup: 3, budgetMs: 30000 };
/** Whole-process comparisons: the draft, the baseline and the runs of each. */
const PROCESS_COMPARISONS = QUICK
  ? [{ label: '100 KB', baseline: 'markdown-it', runs: 2 }]
  : [
      { label: '1 MB', baseline: 'markdown-it', runs: 9 },
      { label: '5 MB', baseline: 'markdownlint', runs: 3 },
    ];
const HOVERS = QUICK ? { count: 100, warmup: 10, budgetMs: 20000 } : { count: 1000, warmup: 20, budgetMs: 20000 };
const COLD_STARTS = QUICK ? 2 : 10;
/** Generous limits for one server round trip: a timeout means a hang, reported as an error. */
const TIMEOUT = { initialize: 20000, diagnostics: 120000, hover: 30000, memoryChild: 300000 };
const SEED = 1;

/** A full GC between measurements, without restarting Node with --expose-gc. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

let workDir = null;

function cleanUp() {
  killAllServers();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  workDir = null;
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: interrupted (${signal})\n`);
    cleanUp();
    process.exit(130);
  });
}
process.on('unhandledRejection', (reason) => fail(reason));

function fail(error) {
  process.stderr.write(`bench: error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  cleanUp();
  process.exit(1);
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.

function sorted(samples) {
  return [...samples].sort((a, b) => a - b);
}

function median(samples) {
  const values = sorted(samples);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/** Nearest-rank percentile. */
function percentile(samples, p) {
  const values = sorted(samples);
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))];
}

function ms(value) {
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function bytes(value) {
  if (value >= 1024 * MIB) return `${(value / 1024 / MIB).toFixed(1)} GiB`;
  if (value >= MIB) return `${(value / MIB).toFixed(2)} MiB`;
  if (value >= KIB) return `${(value / KIB).toFixed(1)} KiB`;
  return `${value} B`;
}

function count(value) {
  return value.toLocaleString('en-US');
}

/**
 * Runs `fn` up to plan.runs times (at least once), stopping when plan.budgetMs is spent, with
 * a full GC before each run. Returns the times and `summarize` of the first run's result (the
 * results themselves are dropped at once, so that they do not weigh on later runs).
 */
function timeRuns(plan, fn, summarize) {
  const samples = [];
  let spent = 0;
  let summary;
  while (samples.length < plan.runs && (samples.length === 0 || spent < plan.budgetMs)) {
    gc();
    const started = performance.now();
    const result = fn();
    const elapsed = performance.now() - started;
    if (samples.length === 0) summary = summarize(result);
    samples.push(elapsed);
    spent += elapsed;
  }
  return { samples, summary };
}

// ---------------------------------------------------------------------------------------------
// Setup: the bundles under test and the bench's own bundle of the TypeScript sources.

function buildDist() {
  log('building dist/ (node esbuild.mjs)…');
  try {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`node esbuild.mjs failed:\n${error.stderr?.toString() ?? ''}${error.stdout?.toString() ?? ''}`);
  }
}

async function buildHarness() {
  fs.mkdirSync(path.join(ROOT, 'bench', '.cache'), { recursive: true });
  // Under bench/ so that the bundles find the packages in node_modules as they are.
  workDir = fs.mkdtempSync(path.join(ROOT, 'bench', '.cache', 'run-'));
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' };
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'bench', 'harness.ts')], outfile: path.join(workDir, 'harness.cjs') });
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'bench', 'memory-child.ts')], outfile: path.join(workDir, 'memory-child.cjs') });
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'bench', 'floor-server.ts')], outfile: path.join(workDir, 'floor-server.cjs') });
  return createRequire(import.meta.url)(path.join(workDir, 'harness.cjs'));
}

// ---------------------------------------------------------------------------------------------
// 1. Full analysis, and markdownlint on the same drafts.

function measureAnalysis(harness, corpus, drafts, memory) {
  const rows = [];
  // Warm both up (JIT, lazily built tables) on a small draft before anything is timed.
  const warm = harness.generateDraft(10 * KIB, SEED + 1);
  for (let index = 0; index < 3; index++) {
    harness.analyzeDocument(warm, corpus);
    markdownlint({ strings: { warm } });
  }
  for (const size of SIZES) {
    const text = drafts.get(size.label);
    const actual = Buffer.byteLength(text);
    log(`full analysis, ${size.label}…`);
    const inChild = size === MEMORY_DRAFT && memory.elapsedMs >= size.lexicite.budgetMs;
    const lexicite = inChild
      ? { samples: [memory.elapsedMs], summary: { references: memory.references, diagnostics: memory.diagnostics, codes: new Map(Object.entries(memory.codes)) }, inChild }
      : timeRuns(size.lexicite, () => harness.analyzeDocument(text, corpus), summarizeAnalysis);
    if (inChild) log(`  the memory measurement's analysis took ${ms(memory.elapsedMs)}, more than the ${ms(size.lexicite.budgetMs)} budget: not repeated here`);
    log(`  lexicite: median ${ms(median(lexicite.samples))} over ${lexicite.samples.length} run(s)`);
    log(`markdownlint, ${size.label}…`);
    const lint = timeRuns(size.markdownlint, () => markdownlint({ strings: { draft: text } }), (result) => ({ problems: Object.values(result).reduce((sum, list) => sum + list.length, 0) }));
    log(`  markdownlint: median ${ms(median(lint.samples))} over ${lint.samples.length} run(s)`);
    rows.push({ size, actual, lexicite, lint });
  }
  return rows;
}

/**
 * The claim detector (uncited-claim, vague-attribution) against the whole analysis, 1 MB: its
 * time over every sentence the analysis checks (an upper bound: inside the analysis only
 * uncited sentences are assessed, once per sentence text), fresh each run.
 */
function measureDetector(harness, corpus, drafts, analysisRows) {
  const size = SIZES.find((candidate) => candidate.label === '1 MB') ?? SIZES[SIZES.length - 1];
  const text = drafts.get(size.label);
  const bodies = harness.analyzeDocument(text, corpus).sentences.map((sentence) => sentence.body);
  log(`claim detector over the ${count(bodies.length)} checked sentences of ${size.label}…`);
  const detector = timeRuns({ runs: QUICK ? 3 : 9, budgetMs: 20_000 }, () => {
    for (const body of bodies) harness.assessSentence(body);
    return null;
  }, () => ({}));
  const analysisSamples = analysisRows.find((row) => row.size === size)?.lexicite.samples ?? [];
  return { size, sentences: bodies.length, samples: detector.samples, analysisMs: median(analysisSamples) };
}

function summarizeAnalysis(result) {
  const codes = new Map();
  for (const diagnostic of result.diagnostics) codes.set(diagnostic.code, (codes.get(diagnostic.code) ?? 0) + 1);
  return { references: result.references.length, diagnostics: result.diagnostics.length, codes };
}

// ---------------------------------------------------------------------------------------------
// 2–3. The language server over stdio: edit-to-diagnostics and hovers.

/** LSP positions (UTF-16, like JavaScript strings) of offsets in `text`. */
function positionFinder(text) {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) continue;
    if (code === 10 || code === 13) lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
}

/** Where the typing happens: just after a space near the middle of the draft, on a line of prose. */
function typingPoint(text) {
  let at = text.indexOf(' ', Math.floor(text.length / 2));
  while (at >= 0 && /^[#|>`\-*\d]/.test(text.slice(text.lastIndexOf('\n', at) + 1, text.lastIndexOf('\n', at) + 2))) at = text.indexOf(' ', text.indexOf('\n', at) + 1);
  return at < 0 ? Math.floor(text.length / 2) : at + 1;
}

/** The keystrokes typed: a clause, one character at a time (every chunk after it moves each time). */
const TYPED = 'and, reportedly, again in 2024 ';

/**
 * Opens the draft on a fresh server and types TYPED into its middle, one character per
 * incremental didChange. `mode`:
 * - 'sliced': the client registers diagnostic providers dynamically and pulls, as VS Code
 *   does: the server registers one provider per slice (see server/src/lsp/diagnostic-slices.ts)
 *   and each keystroke is followed at once by a textDocument/diagnostic for every slice, with
 *   its last result id; the sample ends when the last answer has arrived;
 * - 'pulled': a client that pulls one list (a static provider);
 * - 'pushed': the server pushes, and the sample ends at the publishDiagnostics for the new
 *   version.
 */
async function measureTyping(text, mode) {
  const uri = pathToFileURL(path.join(workDir, `typed-${mode}.md`)).href;
  const server = new LspServer(path.join(DIST, 'server.js'));
  const pull = mode !== 'pushed';
  try {
    await server.initialize(TIMEOUT.initialize, pull ? { textDocument: { diagnostic: { dynamicRegistration: mode === 'sliced' } } } : {});
    /** The identifiers pulled (undefined: the one static provider). */
    const identifiers = mode === 'sliced' ? (await server.registrations('textDocument/diagnostic', 16, TIMEOUT.initialize)).map((registration) => registration.registerOptions.identifier) : [undefined];
    await delay(200);
    let version = 1;
    const openSentAt = performance.now();
    const resultIds = new Map();
    let diagnosticsCount = 0;
    let openMs;
    const counts = new Map();
    /** Pulls every provider at once; resolves with the answers' total size, how many were not "unchanged", and when the last arrived. */
    const pullAll = async () => {
      const answers = await Promise.all(
        identifiers.map((identifier) =>
          server.request('textDocument/diagnostic', { textDocument: { uri }, ...(identifier ? { identifier } : {}), ...(resultIds.has(identifier) ? { previousResultId: resultIds.get(identifier) } : {}) }, TIMEOUT.diagnostics),
        ),
      );
      let length = 0;
      let changed = 0;
      let arrivedAt = 0;
      answers.forEach((answer, index) => {
        resultIds.set(identifiers[index], answer.result.resultId);
        if (answer.result.kind === 'full') {
          counts.set(identifiers[index], answer.result.items.length);
          changed++;
        }
        length += answer.length;
        arrivedAt = Math.max(arrivedAt, answer.arrivedAt);
      });
      diagnosticsCount = [...counts.values()].reduce((sum, value) => sum + value, 0);
      return { length, changed, arrivedAt };
    };
    if (pull) {
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      openMs = (await pullAll()).arrivedAt - openSentAt;
    } else {
      const opened = server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri && params.version === 1, TIMEOUT.diagnostics, 'the diagnostics of the opened draft');
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      const first = await opened;
      openMs = first.arrivedAt - openSentAt;
      diagnosticsCount = first.params.diagnostics.length;
    }
    const at = positionFinder(text)(typingPoint(text));
    const samples = [];
    const sizes = [];
    const resent = [];
    let spent = 0;
    log(`server (${mode} diagnostics): typing ${EDITS.count} characters (plus ${EDITS.warmup} warm-up)…`);
    for (let key = 0; key < EDITS.warmup + EDITS.count; key++) {
      if (key >= EDITS.warmup + 2 && spent >= EDITS.budgetMs) break;
      version++;
      const expected = version;
      const position = { line: at.line, character: at.character + key };
      const change = { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: TYPED[key % TYPED.length] }] };
      let elapsed;
      if (pull) {
        const sentAt = performance.now();
        server.notify('textDocument/didChange', change);
        const { length, changed, arrivedAt } = await pullAll();
        elapsed = arrivedAt - sentAt;
        if (key >= EDITS.warmup) {
          sizes.push(length);
          resent.push(changed);
        }
      } else {
        const published = server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri && (params.version === undefined || params.version >= expected), TIMEOUT.diagnostics, `the diagnostics of version ${expected}`);
        const sentAt = performance.now();
        server.notify('textDocument/didChange', change);
        const { params, arrivedAt, length } = await published;
        elapsed = arrivedAt - sentAt;
        diagnosticsCount = params.diagnostics.length;
        if (key >= EDITS.warmup) sizes.push(length);
      }
      if (key >= EDITS.warmup) {
        samples.push(elapsed);
        spent += elapsed;
      }
    }
    return { mode, providers: identifiers.length, openMs, samples, sizes, resent, diagnosticsCount };
  } finally {
    await server.stop();
  }
}

/**
 * The floor for the hovers: the same number of hovers, with the same client, against a server
 * on the same library that answers at once (bench/floor-server.ts).
 */
async function measureFloorHovers() {
  const server = new LspServer(path.join(workDir, 'floor-server.cjs'));
  try {
    await server.initialize(TIMEOUT.initialize, {});
    log(`floor server: ${HOVERS.count} hovers (plus ${HOVERS.warmup} warm-up)…`);
    const samples = [];
    for (let index = 0; index < HOVERS.warmup + HOVERS.count; index++) {
      const { sentAt, arrivedAt } = await server.request('textDocument/hover', { textDocument: { uri: 'file:///floor.md' }, position: { line: 0, character: index % 40 } }, TIMEOUT.hover);
      if (index >= HOVERS.warmup) samples.push(arrivedAt - sentAt);
    }
    return { samples };
  } finally {
    await server.stop();
  }
}

/** Hovers over stdio on the opened draft: half on recognized references, half anywhere. */
async function measureHovers(harness, corpus, text) {
  const uri = pathToFileURL(path.join(workDir, 'hovered.md')).href;
  const server = new LspServer(path.join(DIST, 'server.js'));
  try {
    await server.initialize(TIMEOUT.initialize, { textDocument: { diagnostic: {} } });
    await delay(200);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.request('textDocument/diagnostic', { textDocument: { uri } }, TIMEOUT.diagnostics);
    const toPosition = positionFinder(text);
    const analysis = harness.analyzeDocument(text, corpus);
    const references = analysis.references;
    const random = harness.createRng(SEED + 7);
    const positions = [];
    for (let index = 0; index < HOVERS.warmup + HOVERS.count; index++) {
      const onReference = index % 2 === 0 && references.length > 0;
      let offset;
      if (onReference) {
        const reference = references[Math.floor(random() * references.length)];
        offset = reference.start + Math.floor(random() * Math.max(1, reference.end - reference.start));
      } else offset = Math.floor(random() * (text.length + 1));
      positions.push({ onReference, offset, position: toPosition(offset) });
    }
    log(`server: ${HOVERS.count} hovers (plus ${HOVERS.warmup} warm-up)…`);
    const samples = [];
    const hits = { reference: 0, referenceAsked: 0, random: 0, randomAsked: 0 };
    let spent = 0;
    for (let index = 0; index < positions.length; index++) {
      if (index >= HOVERS.warmup && spent >= HOVERS.budgetMs) break;
      const { onReference, position } = positions[index];
      const { result, sentAt, arrivedAt } = await server.request('textDocument/hover', { textDocument: { uri }, position }, TIMEOUT.hover);
      if (index < HOVERS.warmup) continue;
      const elapsed = arrivedAt - sentAt;
      samples.push(elapsed);
      spent += elapsed;
      if (onReference) {
        hits.referenceAsked++;
        if (result) hits.reference++;
      } else {
        hits.randomAsked++;
        if (result) hits.random++;
      }
    }
    return { samples, hits, computed: computeHovers(harness, corpus, analysis, positions.slice(0, HOVERS.warmup + samples.length)) };
  } finally {
    await server.stop();
  }
}

/**
 * The same hovers worked out in this process by the core (hoverAt, as the server calls it, on
 * an analysis of the same draft with the same settings), without the protocol: what of a
 * hover's time is Lexicite's own. The warm-up positions are computed first and not timed.
 */
function computeHovers(harness, corpus, analysis, positions) {
  const options = { asOf: harness.documentDate(analysis), style: harness.DEFAULT_SETTINGS.citationStyle, languages: ['en'] };
  const samples = [];
  positions.forEach(({ offset }, index) => {
    const startedAt = performance.now();
    harness.hoverAt(analysis, corpus, offset, options);
    if (index >= HOVERS.warmup) samples.push(performance.now() - startedAt);
  });
  return samples;
}

// ---------------------------------------------------------------------------------------------
// 4. Cold start: spawn to the initialize response.

/** A draft that needs the whole corpus: a resolution from the bundled index of every Security Council resolution. */
const READY_DRAFT = 'Security Council resolution 2231 (2015) endorsed the nuclear agreement with Iran.\n';

/**
 * Spawn → initialize answered; and spawn → ready: initialize, initialized, the draft above
 * opened and a hover over its resolution answered (the corpus, with every resolution of the
 * index, loaded and used).
 */
async function measureColdStart() {
  log(`server: ${COLD_STARTS} cold starts (plus 1 warm-up), each with a bare Node start and the floor server's start for comparison…`);
  const samples = [];
  const readySamples = [];
  const nodeSamples = [];
  const floorSamples = [];
  // The VS Code extension starts its server without NODE_EXTRA_CA_CERTS (client/src/extension.ts):
  // where this machine sets it, that start is measured too.
  const { NODE_EXTRA_CA_CERTS: certificates, ...withoutCertificates } = process.env;
  const extensionSamples = [];
  for (let run = 0; run < COLD_STARTS + 1; run++) {
    const { initialized, ready } = await startUntilReady();
    if (run > 0) {
      samples.push(initialized);
      readySamples.push(ready);
    }
    if (certificates) {
      const started = await startUntilReady(withoutCertificates);
      if (run > 0) extensionSamples.push(started.ready);
    }
    const bare = await bareNodeStart();
    if (run > 0) nodeSamples.push(bare);
    const floor = new LspServer(path.join(workDir, 'floor-server.cjs'));
    try {
      const { arrivedAt } = await floor.initialize(TIMEOUT.initialize, {});
      if (run > 0) floorSamples.push(arrivedAt - floor.startedAt);
    } finally {
      await floor.stop();
    }
  }
  return { samples, readySamples, nodeSamples, floorSamples, extensionSamples };
}

/** One start of the server: spawn → initialize answered, and spawn → ready (see measureColdStart). */
async function startUntilReady(env = undefined) {
  const server = new LspServer(path.join(DIST, 'server.js'), [], env);
  try {
    const { arrivedAt } = await server.initialize(TIMEOUT.initialize, { textDocument: { diagnostic: {} } });
    const uri = 'file:///ready.md';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: READY_DRAFT } });
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }, TIMEOUT.initialize);
    if (!JSON.stringify(hover.result ?? '').includes('2231')) throw new Error(`the cold-start hover over resolution 2231 did not describe it: ${JSON.stringify(hover.result)}`);
    return { initialized: arrivedAt - server.startedAt, ready: hover.arrivedAt - server.startedAt };
  } finally {
    await server.stop();
  }
}

/** Spawn to the first byte on stdout of `node -e "process.stdout.write('x')"`: what any Node process costs here. */
function bareNodeStart() {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['-e', "process.stdout.write('x')"], { stdio: ['ignore', 'pipe', 'ignore'] });
    let elapsed = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT.initialize);
    child.stdout.once('data', () => (elapsed = performance.now() - startedAt));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (elapsed === null) reject(new Error('a bare `node -e` printed nothing'));
      else resolve(elapsed);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 4b. Whole processes: the CLI against a Markdown parse and against markdownlint.

/** `lexicite check --format json` on the 1 MB draft against a process that only parses it with markdown-it; on 5 MB against markdownlint's CLI-like run. */
async function measureProcesses(drafts) {
  const results = [];
  for (const { label, baseline, runs } of PROCESS_COMPARISONS) {
    const text = drafts.get(label);
    if (text === undefined) continue;
    const file = path.join(workDir, `process-${label.replace(/\s+/g, '').toLowerCase()}.md`);
    fs.writeFileSync(file, text);
    const baselineArgs = baseline === 'markdown-it' ? [path.join(ROOT, 'bench', 'baseline-markdown-it.cjs'), file] : [path.join(ROOT, 'bench', 'baseline-markdownlint.mjs'), file];
    log(`processes, ${label}: lexicite check --format json against ${baseline} (${runs} runs each, alternately)…`);
    // check exits 1 when it finds errors (the drafts have some on purpose).
    const timed = await compareProcesses({ args: [path.join(DIST, 'cli.js'), 'check', '--format', 'json', file], okCodes: [0, 1] }, { args: baselineArgs }, runs);
    results.push({ label, bytes: Buffer.byteLength(text), baseline, lexicite: timed.first, other: timed.second });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// 5. Bundle sizes.

function measureBundles() {
  return ['client.js', 'server-bundle.js', 'cli-bundle.js'].map((name) => {
    const file = path.join(DIST, name);
    const content = fs.readFileSync(file);
    return { name, size: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
  });
}

// ---------------------------------------------------------------------------------------------
// 6. Peak memory of one analysis, in a child process.

function measureMemory(text) {
  const draftFile = path.join(workDir, 'memory-draft.md');
  fs.writeFileSync(draftFile, text);
  log(`peak memory: one analysis of the ${MEMORY_DRAFT.label} draft in a child process…`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(workDir, 'memory-child.cjs'), DATA, draftFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the memory measurement did not finish within ${TIMEOUT.memoryChild} ms`));
    }, TIMEOUT.memoryChild);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      if (code !== 0) return reject(new Error(`the memory measurement exited with code ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      } catch (error) {
        reject(new Error(`the memory measurement printed no result: ${stdout}${stderr}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The report.

function met(ok) {
  return ok ? '✅ yes' : '❌ **no**';
}

function buildRows({ analysis, detector, server, coldStarts, bundles, memory }) {
  const rows = [];
  const row = (measurement, input, runs, value, detail, target = '', status = '') => rows.push({ measurement, input, runs, value, detail, target, status });

  for (const { size, actual, lexicite } of analysis) {
    const summary = lexicite.summary;
    const value = median(lexicite.samples);
    const isTarget = size.label === '1 MB';
    row(
      'Full analysis (lexicite)',
      `${size.label} (${count(actual)} B)`,
      lexicite.samples.length,
      ms(value),
      `${lexicite.inChild ? 'the one analysis of the memory measurement (child process; over the time budget, so not repeated)' : `min ${ms(Math.min(...lexicite.samples))}, max ${ms(Math.max(...lexicite.samples))}`}; ${count(summary.references)} references, ${count(summary.diagnostics)} diagnostics`,
      isTarget ? '< 100 ms' : '',
      isTarget ? met(value < 100) : '',
    );
  }
  for (const { size, actual, lint } of analysis) {
    const problems = lint.summary.problems;
    row('markdownlint 0.40, default rules', `${size.label} (${count(actual)} B)`, lint.samples.length, ms(median(lint.samples)), `min ${ms(Math.min(...lint.samples))}, max ${ms(Math.max(...lint.samples))}; ${count(problems)} problems`);
  }
  for (const { size, lexicite, lint } of analysis) {
    const ratio = median(lexicite.samples) / median(lint.samples);
    const isTarget = size.label === '5 MB';
    row('Ratio lexicite / markdownlint', size.label, '', ratio.toFixed(2), `${ms(median(lexicite.samples))} / ${ms(median(lint.samples))} (medians)`, isTarget ? '≤ 0.2' : '', isTarget ? met(ratio <= 0.2) : '');
  }

  const share = median(detector.samples) / detector.analysisMs;
  row(
    'Claim detector / full analysis',
    detector.size.label,
    detector.samples.length,
    `${(100 * share).toFixed(1)} %`,
    `${ms(median(detector.samples))} to assess all ${count(detector.sentences)} checked sentences afresh (an upper bound: the analysis assesses only uncited ones), against the full analysis's median ${ms(detector.analysisMs)}`,
    '≤ 10 %',
    met(share <= 0.1),
  );

  const typingLabel = { sliced: 'pulled in slices, as VS Code does', pulled: 'pulled as one list', pushed: 'pushed' };
  for (const typing of [server.sliced, server.pulled, server.pushed]) {
    const resent = typing.mode === 'sliced' ? `median ${median(typing.resent)} of ${typing.providers} slices re-sent per keystroke; ` : typing.mode === 'pulled' ? `${typing.resent.filter((changed) => changed === 0).length} of ${typing.samples.length} answers "unchanged"; ` : '';
    row(
      `Typing → diagnostics (server, stdio, ${typingLabel[typing.mode]})`,
      SERVER_DRAFT.label,
      typing.samples.length,
      ms(median(typing.samples)),
      `p95 ${ms(percentile(typing.samples, 0.95))}, max ${ms(Math.max(...typing.samples))}; "${TYPED.trim()}" typed one character at a time mid-document; ${count(typing.diagnosticsCount)} diagnostics; ${resent}median bytes per keystroke ${bytes(median(typing.sizes))}, largest ${bytes(Math.max(...typing.sizes))}; didOpen → first diagnostics ${ms(typing.openMs)}`,
    );
  }
  const hovers = server.hovers;
  row(
    'Hover (server, stdio)',
    SERVER_DRAFT.label,
    hovers.samples.length,
    ms(median(hovers.samples)),
    `p99 ${ms(percentile(hovers.samples, 0.99))}, max ${ms(Math.max(...hovers.samples))}; ${hovers.hits.reference}/${hovers.hits.referenceAsked} on references and ${hovers.hits.random}/${hovers.hits.randomAsked} random positions returned a hover`,
  );
  row(
    'Hover worked out in process (the core\'s hoverAt, no protocol)',
    SERVER_DRAFT.label,
    hovers.computed.length,
    ms(median(hovers.computed)),
    `p99 ${ms(percentile(hovers.computed, 0.99))}, max ${ms(Math.max(...hovers.computed))}; the same positions on an analysis of the same draft: the part of a hover over stdio that is Lexicite's own`,
  );
  row(
    'Server cold start (spawn → initialize response)',
    '—',
    coldStarts.samples.length,
    ms(median(coldStarts.samples)),
    `min ${ms(Math.min(...coldStarts.samples))}, max ${ms(Math.max(...coldStarts.samples))}; spawn → ready (a draft opened and a hover over resolution 2231 (2015), from the index of every resolution, answered): median ${ms(median(coldStarts.readySamples))}; a bare Node start (spawn → first output of \`node -e\`) takes ${ms(median(coldStarts.nodeSamples))} here${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: every Node process loads those certificates at start)' : ''}`,
  );
  const floor = server.floorHovers;
  row(
    'Floor: hover (a server on the same library that answers at once, stdio)',
    '—',
    floor.samples.length,
    ms(median(floor.samples)),
    `p99 ${ms(percentile(floor.samples, 0.99))}, max ${ms(Math.max(...floor.samples))}; bench/floor-server.ts, bundled like the server, the same client and number of hovers`,
  );
  row(
    'Floor: cold start (the same server, spawn → initialize response)',
    '—',
    coldStarts.floorSamples.length,
    ms(median(coldStarts.floorSamples)),
    `min ${ms(Math.min(...coldStarts.floorSamples))}, max ${ms(Math.max(...coldStarts.floorSamples))}; no code cache, no data`,
  );
  for (const bundle of bundles) {
    row(`Bundle size dist/${bundle.name}`, 'development build', '', bytes(bundle.size), `${count(bundle.size)} B; gzip -9: ${bytes(bundle.gzip)}`);
  }
  row(
    'Peak memory (maxRSS, child process)',
    `${MEMORY_DRAFT.label} (${count(memory.bytes)} B)`,
    1,
    bytes(memory.peakRss),
    `peak RSS of a process that analysed the draft once; RSS before the analysis ${bytes(memory.baselineRss)} (corpus loaded, draft read, warmed up); heap used before ${bytes(memory.baselineHeapUsed)}, retained by the result after GC ${bytes(memory.retainedHeapUsed)}; that analysis took ${ms(memory.elapsedMs)}`,
  );
  return rows;
}

/**
 * The goals of issue 15, each measured in this run: the whole-process ratios against the
 * baselines, edit → diagnostics, hover p99 and the cold start. A quick run measures smaller
 * drafts, so its goals are shown but not judged.
 */
function buildGoals({ server, coldStarts, processes }) {
  const goals = [];
  const judged = !QUICK;
  const goal = (what, value, target, ok, detail) => goals.push({ what, value, target, status: judged ? met(ok) : '(quick run)', detail });
  for (const comparison of processes) {
    const ratio = median(comparison.lexicite) / median(comparison.other);
    const markdownIt = comparison.baseline === 'markdown-it';
    goal(
      markdownIt ? `\`lexicite check --format json\`, ${comparison.label}, against a process that only parses it with markdown-it` : `\`lexicite check --format json\`, ${comparison.label}, against markdownlint's default rules on the same file`,
      `${ratio.toFixed(2)} ×`,
      markdownIt ? '≤ 1.5 ×' : '≤ 0.2 ×',
      markdownIt ? ratio <= 1.5 : ratio <= 0.2,
      `${ms(median(comparison.lexicite))} / ${ms(median(comparison.other))}, medians of ${comparison.lexicite.length} alternate runs, spawn to exit`,
    );
  }
  const typed = server.sliced.samples;
  goal(`Edit → diagnostics over stdio, ${SERVER_DRAFT.label}, median (pulled in slices, as VS Code does)`, ms(median(typed)), '≤ 20 ms', median(typed) <= 20, `${typed.length} keystrokes; pulled as one list: ${ms(median(server.pulled.samples))}; pushed: ${ms(median(server.pushed.samples))}`);
  const p99 = percentile(server.hovers.samples, 0.99);
  goal(
    `Hover over stdio, ${SERVER_DRAFT.label}, p99`,
    ms(p99),
    '≤ 2 ms',
    p99 <= 2,
    `${server.hovers.samples.length} hovers, median ${ms(median(server.hovers.samples))}; worked out in process, without the protocol: p99 ${ms(percentile(server.hovers.computed, 0.99))}; a server on the same library that answers at once: p99 ${ms(percentile(server.floorHovers.samples, 0.99))}`,
  );
  const ready = median(coldStarts.readySamples);
  goal(
    'Cold start: spawn → ready with every resolution loaded (a hover over one answered)',
    ms(ready),
    '≤ 200 ms',
    ready <= 200,
    `spawn → initialize answered: ${ms(median(coldStarts.samples))}; a bare Node start: ${ms(median(coldStarts.nodeSamples))}; a server on the same library that answers at once, spawn → initialize answered: ${ms(median(coldStarts.floorSamples))}${coldStarts.extensionSamples.length > 0 ? `; spawn → ready without NODE_EXTRA_CA_CERTS, as the VS Code extension starts the server: ${ms(median(coldStarts.extensionSamples))}` : ''}`,
  );
  return goals;
}

function goalsTable(goals) {
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  const lines = ['| Goal | Measured | Target | Met | Detail |', '| --- | --- | --- | --- | --- |'];
  for (const goal of goals) lines.push(`| ${[goal.what, goal.value, goal.target, goal.status, goal.detail].map(escape).join(' | ')} |`);
  return lines.join('\n');
}

function markdownTable(rows) {
  const header = ['Measurement', 'Input', 'Runs', 'Median / value', 'Detail', 'Target', 'Met'];
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${[row.measurement, row.input, row.runs, row.value, row.detail, row.target, row.status].map(escape).join(' | ')} |`);
  return lines.join('\n');
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const startedAt = performance.now();
  const loadBefore = os.loadavg();
  if (!options['no-build']) buildDist();
  for (const name of ['server.js', 'server-bundle.js', 'cli.js', 'cli-bundle.js', 'client.js']) {
    if (!fs.existsSync(path.join(DIST, name))) throw new Error(`dist/${name} is missing: run without --no-build (or node esbuild.mjs) first`);
  }
  const harness = await buildHarness();
  const { corpus, problems } = harness.loadCorpus(DATA);
  if (problems.length > 0) throw new Error(`data problems in ${DATA}: ${problems.map((problem) => `${problem.file} ${problem.jsonPath}: ${problem.message}`).join('; ')}`);

  log(`generating drafts (seed ${SEED})…`);
  const drafts = new Map(SIZES.map((size) => [size.label, harness.generateDraft(size.bytes, SEED)]));

  const memory = await measureMemory(drafts.get(MEMORY_DRAFT.label));
  const analysis = measureAnalysis(harness, corpus, drafts, memory);
  const detector = measureDetector(harness, corpus, drafts, analysis);
  gc();

  const serverDraft = drafts.get(SERVER_DRAFT.label);
  const server = {
    sliced: await measureTyping(serverDraft, 'sliced'),
    pulled: await measureTyping(serverDraft, 'pulled'),
    pushed: await measureTyping(serverDraft, 'pushed'),
    hovers: await measureHovers(harness, corpus, serverDraft),
    floorHovers: await measureFloorHovers(),
  };
  const coldStarts = await measureColdStart();
  const processes = await measureProcesses(drafts);
  const bundles = measureBundles();

  const rows = buildRows({ analysis, detector, server, coldStarts, bundles, memory });
  const goals = buildGoals({ server, coldStarts, processes });
  const table = markdownTable(rows);
  const cpus = os.cpus();
  const codes = analysis[analysis.length - 1].lexicite.summary.codes;
  const missed = [...rows.filter((row) => row.status.includes('no')), ...goals.filter((goal) => goal.status.includes('no')).map((goal) => ({ measurement: goal.what, input: 'goal', value: goal.value, target: goal.target }))];
  const report = [
    `# Lexicite benchmark${QUICK ? ' (quick)' : ''}`,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${bytes(os.totalmem())} RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}; commit ${gitDescription()}`,
    `- Load average (1 min) at the start ${loadBefore[0].toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)}${Math.max(loadBefore[0], os.loadavg()[0]) > cpus.length ? ` (above the core count: other processes competed for the CPU, so the times are pessimistic)` : ''}`,
    `- Drafts: bench/draft.ts, seed ${SEED}; the ${SIZES[SIZES.length - 1].label} draft's diagnostics by rule: ${[...codes].map(([code, n]) => `${code} ${count(n)}`).join(', ')}`,
    `- Total bench time: ${(Math.round((performance.now() - startedAt) / 100) / 10).toFixed(1)} s`,
    '',
    '## Goals (issue 15), measured in this run',
    '',
    goalsTable(goals),
    '',
    '## All measurements',
    '',
    table,
    '',
    missed.length > 0 ? `Missed targets: ${missed.map((row) => `${row.measurement} (${row.input}): ${row.value}, target ${row.target}`).join('; ')}.` : (QUICK ? 'Quick run: the targets that apply to the 1 MB and 5 MB drafts are not judged.' : 'All targets met.'),
    '',
    'Medians; "Runs" is how many timed runs (or requests) each median is over. See bench/README.md for what each row measures.',
    '',
  ].join('\n');
  process.stdout.write(`\n${report}`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, report);
  log(`results written to ${path.relative(process.cwd(), OUT) || OUT}`);
  if (missed.length > 0) log(`MISSED TARGETS: ${missed.length} (not an error; see the table)`);
}

main()
  .then(cleanUp)
  .catch(fail);
