#!/usr/bin/env node
// Installs what the end-to-end tests need, idempotently:
//   - VS Code 1.96.4 as shipped by the npm package code-server@4.96.4, into a cache folder
//     ignored by git (default .cache/vscode-1.96.4/, or $LEXICITE_VSCODE_DIR);
//   - Chromium from Debian (apt-get) when /usr/bin/chromium is missing.
// A complete install ends by writing a marker file; a folder without it is wiped and
// installed again. Every step is printed; any failure stops with a non-zero exit code.
//
//   node tests/e2e/setup.mjs           install (or reuse) both
//   node tests/e2e/setup.mjs --print   print the code-server entry point and exit
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.96.4';
export const VSCODE_VERSION = '1.96.4';
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = process.env.LEXICITE_VSCODE_DIR
  ? path.resolve(process.env.LEXICITE_VSCODE_DIR)
  : path.join(ROOT, '.cache', `vscode-${VSCODE_VERSION}`);
const MARKER = path.join(CACHE_DIR, '.lexicite-install-complete');
const CODE_SERVER = path.join(CACHE_DIR, 'node_modules', 'code-server');
const VSCODE = path.join(CODE_SERVER, 'lib', 'vscode');
export const ENTRY = path.join(CODE_SERVER, 'out', 'node', 'entry.js');
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

const say = (message) => console.log(`[e2e setup] ${message}`);

function fail(message) {
  console.error(`[e2e setup] ERROR: ${message}`);
  process.exit(1);
}

function run(command, args, cwd, env = {}) {
  say(`$ (cd ${path.relative(ROOT, cwd) || '.'}) ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) fail(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}) in ${cwd}`);
  say(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function installedVersion() {
  try {
    return fs.readFileSync(MARKER, 'utf8').trim();
  } catch {
    return null;
  }
}

function installVSCode() {
  const marker = installedVersion();
  if (marker === `code-server@${CODE_SERVER_VERSION}` && fs.existsSync(ENTRY) && fs.existsSync(path.join(VSCODE, 'node_modules.asar'))) {
    say(`VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) is installed in ${CACHE_DIR}: reusing it.`);
    return;
  }
  if (fs.existsSync(CACHE_DIR)) {
    say(`${CACHE_DIR} exists but is not a complete install (marker: ${marker ?? 'missing'}): removing it.`);
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  }
  say(`Installing VS Code ${VSCODE_VERSION} (npm package code-server@${CODE_SERVER_VERSION}) into ${CACHE_DIR}.`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), '{ "private": true }\n');

  // 1. code-server itself; its own postinstall downloads things, so skip scripts and
  //    rebuild the one native module its server needs.
  run('npm', ['install', '--no-save', ...NPM_QUIET, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], CACHE_DIR);
  run('npm', ['rebuild', 'argon2'], CACHE_DIR);

  // 2. VS Code's own dependencies. Its lock file pins @vscode/proxy-agent to a git URL that
  //    cannot be fetched here: point it at the registry tarball of the same version.
  const lockPath = path.join(VSCODE, 'npm-shrinkwrap.json');
  const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
  const entry = lock.packages?.['node_modules/@vscode/proxy-agent'];
  if (!entry?.version) fail(`${lockPath} has no node_modules/@vscode/proxy-agent entry: the recipe does not fit this code-server version.`);
  if (typeof entry.resolved === 'string' && entry.resolved.startsWith('git')) {
    const tarball = `https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-${entry.version}.tgz`;
    say(`Rewriting @vscode/proxy-agent in npm-shrinkwrap.json: ${entry.resolved} -> ${tarball}`);
    entry.resolved = tarball;
    fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  }
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], VSCODE);

  // 3. The native modules VS Code's server loads (kerberos is not needed and needs headers).
  run('npm', ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'], VSCODE);
  const asar = path.join(VSCODE, 'node_modules.asar');
  fs.rmSync(asar, { force: true });
  fs.symlinkSync('node_modules', asar);
  say(`Linked ${path.relative(CACHE_DIR, asar)} -> node_modules`);

  // 4. The built-in extensions' dependencies (the Markdown language features among them).
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], path.join(VSCODE, 'extensions'));

  if (!fs.existsSync(ENTRY)) fail(`${ENTRY} is missing after the install.`);
  const version = JSON.parse(fs.readFileSync(path.join(VSCODE, 'package.json'), 'utf8')).version;
  if (version !== VSCODE_VERSION) fail(`code-server@${CODE_SERVER_VERSION} ships VS Code ${version}, expected ${VSCODE_VERSION}.`);
  fs.writeFileSync(MARKER, `code-server@${CODE_SERVER_VERSION}\n`);
  say(`VS Code ${version} is ready: node ${path.relative(ROOT, ENTRY)}`);
}

function installChromium() {
  if (fs.existsSync(CHROMIUM)) {
    say(`Chromium is installed (${CHROMIUM}): reusing it.`);
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    fail(`${CHROMIUM} is missing and this is not root, so it cannot be installed here. Run as root, or install it first: sudo apt-get update && sudo apt-get install -y chromium`);
  }
  say(`${CHROMIUM} is missing: installing Debian's chromium with apt-get.`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], ROOT, env);
  run('apt-get', ['install', '-y', 'chromium'], ROOT, env);
  if (!fs.existsSync(CHROMIUM)) fail(`apt-get installed chromium but ${CHROMIUM} does not exist.`);
}

if (process.argv.includes('--print')) {
  console.log(ENTRY);
} else {
  const started = Date.now();
  installVSCode();
  installChromium();
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
