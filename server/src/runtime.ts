import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the bundled corpus lives. The bundles in dist/ find it at ../data; the
 * LEXICITE_DATA_DIR environment variable overrides that (for tests and packagers).
 */
export function defaultDataDirectory(): string {
  const override = process.env.LEXICITE_DATA_DIR;
  if (override) return path.resolve(override);
  const candidates = [path.resolve(__dirname, '..', 'data'), path.resolve(__dirname, '..', '..', '..', 'data')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'instruments'))) ?? (candidates[0] as string);
}
