#!/usr/bin/env node
// npm run test:electron: the activation/hover/diagnostic smoke test in a desktop VS Code
// downloaded by @vscode/test-electron (so it needs internet access to
// update.code.visualstudio.com, and a display: on Linux without one use `xvfb-run -a`).
// Where VS Code cannot be downloaded it fails at once with a clear message and exit code 1;
// the tests that run offline are `npm run test:e2e`.
//
//   LEXICITE_VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code instead of downloading
//   LEXICITE_ELECTRON_VSCODE_VERSION=1.96.4    the version to download (default 1.96.4)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DOWNLOAD_HOST = 'https://update.code.visualstudio.com';
const VERSION = process.env.LEXICITE_ELECTRON_VSCODE_VERSION ?? '1.96.4';
const EXECUTABLE = process.env.LEXICITE_VSCODE_EXECUTABLE;
const OVERALL_TIMEOUT_MS = 10 * 60 * 1000;

function fail(message) {
  console.error(`\n[test:electron] ERROR: ${message}\n`);
  process.exit(1);
}

async function checkDownloadHost() {
  try {
    const response = await fetch(`${DOWNLOAD_HOST}/api/releases/stable`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
    fail(
      `npm run test:electron downloads VS Code ${VERSION} from ${DOWNLOAD_HOST}, which cannot be reached from this machine (${reason}).\n` +
        'Run it on a machine with internet access, or point LEXICITE_VSCODE_EXECUTABLE at an installed VS Code.\n' +
        'The end-to-end tests that work without internet are `npm run test:e2e` (VS Code from the npm package code-server, in Chromium).',
    );
  }
}

if (EXECUTABLE) {
  if (!fs.existsSync(EXECUTABLE)) fail(`LEXICITE_VSCODE_EXECUTABLE=${EXECUTABLE} does not exist.`);
} else {
  await checkDownloadHost();
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('VS Code needs a display and none is set (DISPLAY): run `xvfb-run -a npm run test:electron`.');
}

const { runTests } = await import('@vscode/test-electron');
const esbuild = await import('esbuild');

console.log('[test:electron] building the extension (npm run build)');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-electron-'));
const suite = path.join(work, 'suite', 'smoke.js');
await esbuild.build({
  entryPoints: [path.join(ROOT, 'tests', 'e2e', 'electron', 'smoke.e2e.ts')],
  outfile: suite,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});
const workspace = path.join(work, 'workspace');
fs.mkdirSync(workspace, { recursive: true });
fs.writeFileSync(
  path.join(workspace, 'briefing.md'),
  [
    '# Briefing note: the DPRK sanctions file',
    '',
    'The arms embargo and the asset freeze go back to Resolution 1718 (2006), adopted days after the first nuclear test.',
    '',
    'Cargo inspections on the high seas were added by resolution 1874 (2006), which also widened the embargo.',
    '',
  ].join('\n'),
);

const timer = setTimeout(() => fail(`the run did not finish within ${OVERALL_TIMEOUT_MS / 60000} minutes.`), OVERALL_TIMEOUT_MS);
let exitCode = 1;
try {
  exitCode = await runTests({
    ...(EXECUTABLE ? { vscodeExecutablePath: EXECUTABLE } : { version: VERSION, cachePath: path.join(ROOT, '.cache', 'vscode-test') }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(work, 'user'),
      '--extensions-dir',
      path.join(work, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`[test:electron] the smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  clearTimeout(timer);
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(exitCode === 0 ? '[test:electron] passed' : `[test:electron] failed (exit code ${exitCode})`);
process.exit(exitCode === 0 ? 0 : 1);
