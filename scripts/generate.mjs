// Regenerates the files derived from code and data (see scripts/artifacts.ts).
// Usage: npm run generate
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Bundle our TypeScript only; packages load from node_modules as they are.
const dir = join(root, 'node_modules', '.cache', 'lexicite-generate');
mkdirSync(dir, { recursive: true });
try {
  const outfile = join(dir, 'artifacts.cjs');
  await esbuild.build({ entryPoints: [join(root, 'scripts/artifacts.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'error' });
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
