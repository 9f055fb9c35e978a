// Whole-process timings for `npm run bench`: a command is spawned, its output read and
// dropped, and the time from spawn to exit is one sample. Two commands compared are run
// alternately, so that the machine's load weighs on both alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Spawn to exit of `node ...args`, in ms; rejects when it exits with a code not in `okCodes` or runs past `timeoutMs`. */
export function timeProcess(args, { okCodes = [0], timeoutMs = 300000 } = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const elapsed = performance.now() - startedAt;
      if (signal || !okCodes.includes(code)) reject(new Error(`node ${args.join(' ')} ended with ${signal ?? `code ${code}`}: ${stderr.slice(-2000)}`));
      else resolve(elapsed);
    });
  });
}

/**
 * Times two commands alternately, `runs` times each (one warm-up run of each first, not
 * counted: it fills the file cache). Returns both lists of samples.
 */
export async function compareProcesses(first, second, runs) {
  await timeProcess(first.args, first);
  await timeProcess(second.args, second);
  const a = [];
  const b = [];
  for (let run = 0; run < runs; run++) {
    a.push(await timeProcess(first.args, first));
    b.push(await timeProcess(second.args, second));
  }
  return { first: a, second: b };
}
