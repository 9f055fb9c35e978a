// Bundles the extension client, the language server and the CLI into dist/.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (used by `npm run package`)
//   node esbuild.mjs --watch       rebuild on change
// Type-checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { toAscii } from './scripts/ascii.mjs';
import { generateValidators } from './scripts/validators.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * citation-js (Pandoc bibliographies) can fetch URLs given as input, through sync-fetch and
 * fetch-ponyfill (node-fetch, whatwg-url, tr46: about 300 kB). Lexicite only gives it text
 * with a forced input type, so the bundles get small stand-ins built on Node's own fetch.
 * They reach Node's fetch only when called: reading `globalThis.fetch` or `Headers` loads
 * Node's built-in undici, which took about 25 ms of the server's start-up.
 * @type {esbuild.Plugin}
 */
const LAZY_HEADERS = 'function LazyHeaders(init) { return new globalThis.Headers(init); }';
const noCitationFetch = {
  name: 'no-citation-fetch',
  setup(build) {
    build.onResolve({ filter: /^(?:sync-fetch|fetch-ponyfill)$/ }, (args) => ({ path: args.path, namespace: 'no-citation-fetch' }));
    build.onLoad({ filter: /.*/, namespace: 'no-citation-fetch' }, (args) => ({
      contents:
        args.path === 'fetch-ponyfill'
          ? `${LAZY_HEADERS}\nmodule.exports = () => ({ fetch: (...args) => globalThis.fetch(...args), Headers: LazyHeaders });`
          : `${LAZY_HEADERS}\nfunction syncFetch() { throw new Error('Lexicite does not fetch bibliography data from URLs'); }\nsyncFetch.Headers = LazyHeaders;\nmodule.exports = syncFetch;`,
      loader: 'js',
    }));
  },
};

/**
 * vscode-jsonrpc and vscode-languageserver require Node's crypto (for the names of named
 * pipes) and child_process (to find global npm and yarn folders) when they load. Lexicite
 * talks over stdio or IPC and never reaches either, but loading the two modules took about
 * 15 ms of every server start. In those two libraries they are loaded on first use instead.
 * The libraries use them only by reading a property (`(0, crypto_1.randomBytes)(…)`), which
 * the stand-in forwards.
 * @type {esbuild.Plugin}
 */
const LAZY_BUILTINS = /^(?:child_process|crypto)$/;
const lazyLibraryBuiltins = {
  name: 'lazy-library-builtins',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      /[\\/]node_modules[\\/]vscode-(?:jsonrpc|languageserver)[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`,
      loader: 'js',
    }));
  },
};

/**
 * Rewrites each JavaScript output with non-ASCII characters as ASCII (scripts/ascii.mjs says
 * why and how).
 * @type {esbuild.Plugin}
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!file.endsWith('.js')) continue;
        const source = readFileSync(file, 'utf8');
        if (/[^\0-\x7f]/.test(source)) writeFileSync(file, toAscii(source));
      }
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  plugins: [noCitationFetch, lazyLibraryBuiltins, asciiOutput],
  metafile: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 reads Unicode property escapes (\p{L}), but esbuild 0.28's table for node20 says
  // otherwise and rewrote such regular expression literals as `new RegExp("…")` calls: inside
  // a function, a call that builds the expression again on every run (a literal is built once
  // and cloned). 40 expressions of the CLI's bundle were rewritten.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Prefer ES module builds: jsonc-parser's UMD build loads its parts with a require()
  // that a bundle cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'info',
  // The bundles locate data/ relative to themselves (dist/../data); keep __dirname real.
  // Some dependencies ship ESM that calls createRequire(import.meta.url); in a CommonJS
  // bundle import.meta is empty, so give it the bundle's own URL.
  define: { 'process.env.LEXICITE_VERSION': JSON.stringify(version), 'import.meta.url': '__lexiciteImportMetaUrl' },
  banner: { js: "var __lexiciteImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// dist/server.js and dist/cli.js are small starters that run the bundles (server-bundle.js,
// cli-bundle.js) with V8's code cache: see server/src/boot/code-cache.ts.
const starter = { ...common, plugins: [asciiOutput], banner: { js: '#!/usr/bin/env node' }, define: {} };
const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { 'server-bundle': 'server/src/server.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { 'cli-bundle': 'server/src/cli.ts' }, outdir: 'dist' },
  { ...starter, entryPoints: { server: 'server/src/boot/server.ts' }, outdir: 'dist' },
  { ...starter, entryPoints: { cli: 'server/src/boot/cli.ts' }, outdir: 'dist' },
];

// The JSON Schemas compile to standalone validators that the bundles include.
generateValidators();

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[lexicite] watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
