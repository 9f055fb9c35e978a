/**
 * Runs once before the end-to-end scenarios: installs (or reuses) VS Code and Chromium with
 * tests/e2e/setup.mjs, packages the extension with `npm run package` (which builds the
 * production bundles) and empties test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, RESULTS_DIR, VSIX } from './paths';

function step(title: string, command: string, args: string[]): void {
  const started = Date.now();
  console.log(`[e2e] ${title}: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`[e2e] ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default function setup(): void {
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  step('VS Code and Chromium', process.execPath, [path.join(REPO_ROOT, 'tests', 'e2e', 'setup.mjs')]);
  if (process.env.LEXICITE_E2E_SKIP_PACKAGE === '1' && fs.existsSync(VSIX)) {
    console.log(`[e2e] LEXICITE_E2E_SKIP_PACKAGE=1: using the existing ${VSIX}`);
  } else {
    fs.rmSync(VSIX, { force: true });
    step('package the extension', 'npm', ['run', '--silent', 'package']);
  }
  if (!fs.existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
}
