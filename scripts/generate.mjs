// Regenerates the files derived from code and data (see scripts/artifacts.ts).
// Usage: npm run generate
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lexicite-generate-'));
try {
  const outfile = join(dir, 'artifacts.cjs');
  await esbuild.build({ entryPoints: [join(root, 'scripts/artifacts.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  const { generatedArtifacts } = createRequire(import.meta.url)(outfile);
  for (const { file, content } of generatedArtifacts(root)) {
    let current = null;
    try { current = readFileSync(file, 'utf8'); } catch { /* new file */ }
    if (current === content) continue;
    writeFileSync(file, content);
    console.log(`updated ${file.slice(root.length)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
