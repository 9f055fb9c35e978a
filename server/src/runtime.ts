import * as path from 'node:path';

/**
 * Where the bundled corpus lives: the bundles in dist/ (and in the installed extension)
 * find it at ../data. The LEXICITE_DATA_DIR environment variable overrides that.
 */
export function defaultDataDirectory(): string {
  const override = process.env.LEXICITE_DATA_DIR;
  return override ? path.resolve(override) : path.resolve(__dirname, '..', 'data');
}
