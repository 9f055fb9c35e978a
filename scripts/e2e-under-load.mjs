// `npm run test:e2e:load`: the end-to-end suite, several times in a row, while other processes
// keep every core busy, as on a shared CI machine. It fails at the first failing run.
//
//   node scripts/e2e-under-load.mjs              5 runs, one busy process per core
//   node scripts/e2e-under-load.mjs --runs 3     another number of runs
//   node scripts/e2e-under-load.mjs --no-load    the same without the load (to compare times)
//
// The extension is packaged once (npm run package), then each run reuses lexicite.vsix
// (LEXICITE_E2E_SKIP_PACKAGE=1). The busy processes are stopped however the runs end.
import { spawn, spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-load': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`e2e-under-load: --runs must be a positive whole number (got ${values.runs})`);
  process.exit(2);
}

const log = (message) => console.log(`[e2e-under-load] ${message}`);
const run = (command, args, env = {}) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status;

log('packaging the extension once (npm run package)…');
if (run('npm', ['run', 'package', '--silent']) !== 0) {
  console.error('e2e-under-load: npm run package failed');
  process.exit(1);
}

// One process per core spinning in a loop: the suite competes for every core.
const cores = os.availableParallelism();
const load = values['no-load'] ? [] : Array.from({ length: cores }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoad = () => {
  for (const child of load) child.kill('SIGKILL');
};
process.on('exit', stopLoad);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
log(values['no-load'] ? 'no load' : `load: ${load.length} busy process(es) on ${cores} core(s)`);

const results = [];
for (let index = 1; index <= runs; index++) {
  log(`run ${index} of ${runs}…`);
  const started = Date.now();
  const status = run('npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.e2e.config.ts'], { LEXICITE_E2E_SKIP_PACKAGE: '1' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push(`run ${index}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  log(results[results.length - 1]);
  if (status !== 0) break;
}
stopLoad();
log(results.join('; '));
const passed = results.filter((line) => line.includes('passed')).length;
log(`${passed} of ${runs} run(s) passed${values['no-load'] ? '' : ` under load (${load.length} busy process(es))`}`);
process.exit(passed === runs ? 0 : 1);
