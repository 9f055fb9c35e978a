/**
 * One VS Code for a test file: a fresh extensions folder with the packaged lexicite.vsix, a
 * fresh user-data folder, a workspace written by the test, code-server on a free loopback
 * port, and Chromium (Debian's, driven by playwright-core) showing the workbench.
 *
 * Everything waits on conditions (selectors, text, files); a poll loop re-checks a condition
 * every few hundred milliseconds until its deadline. `scenario()` wraps a test so that a
 * failure saves a screenshot and the VS Code logs into test-results/e2e/<scenario>/ and names
 * that folder in the error.
 *
 * LEXICITE_E2E_BREAK=server (or =client) breaks the installed copy of the extension (its
 * server exits at start, or its client throws on activation) to check that the scenarios
 * notice; nothing in the repository changes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { CHROMIUM, CODE_SERVER_ENTRY, EXTENSION_FOLDER, EXTENSION_ID, RESULTS_DIR, VSIX } from './paths';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for a quiet, predictable workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // Edits stay in the editor until a scenario saves them.
  'files.autoSave': 'off',
  'files.simpleDialog.enable': true,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'git.enabled': false,
};

/**
 * How long a scenario waits at most for the state it needs (a diagnostic, a saved file, a hover,
 * a log line) before it fails. A ceiling, not a pause: every wait returns as soon as the state is
 * there. Generous, so that a busy machine (CI shares its cores) slows a scenario down without
 * failing it; `LEXICITE_E2E_CEILING_MS` sets another.
 */
export const CEILING_MS = Number(process.env.LEXICITE_E2E_CEILING_MS) > 0 ? Number(process.env.LEXICITE_E2E_CEILING_MS) : 90_000;

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = CEILING_MS, describeLast?: () => Promise<string> | string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = describeLast ? `\n${await describeLast()}` : lastError ? `\nlast error: ${String(lastError)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A free TCP port on the loopback interface, chosen by the OS. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** VS Code renders spaces in the editor as no-break spaces. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of a process's environment variables, and its parent's id (Linux: /proc). */
export function processEnvironment(pid: number): { names: string[]; parent: number } {
  const names = fs
    .readFileSync(`/proc/${pid}/environ`, 'latin1')
    .split('\0')
    .filter((entry) => entry.length > 0)
    .map((entry) => entry.slice(0, Math.max(0, entry.indexOf('='))));
  // /proc/PID/stat: "pid (name) state ppid ...", the name in parentheses may hold spaces.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return { names, parent };
}

/** Processes (pid and command line) whose command line contains `needle`. */
function processesMatching(needle: string): Array<{ pid: number; cmdline: string }> {
  const found: Array<{ pid: number; cmdline: string }> = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = commandLineOf(Number(entry));
      if (cmdline.includes(needle)) found.push({ pid: Number(entry), cmdline });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** A process's command line, its arguments joined by spaces. */
export function commandLineOf(pid: number): string {
  return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
}

/** The parent of a process (from /proc/<pid>/stat, whose second field, the command, may hold spaces and brackets). */
export function parentOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!Number.isInteger(parent) || parent <= 1) throw new Error(`no parent process found for ${pid} in ${JSON.stringify(stat.slice(0, 120))}`);
  return parent;
}

/**
 * The session folders whose processes may still run. If the test process is interrupted
 * (Ctrl+C, SIGTERM, SIGHUP) before close(), their code-server process groups and their
 * Chromium (launched with a switch naming the session folder) are killed at once, so nothing
 * outlives the run.
 */
const liveSessions = new Map<string, number | undefined>();
function killProcessOrGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // not a group leader, or already gone
    }
  }
}
function killLiveSessions(): void {
  for (const [root, serverPid] of liveSessions) {
    if (serverPid !== undefined) killProcessOrGroup(serverPid);
    for (const leftover of processesMatching(root)) killProcessOrGroup(leftover.pid);
    fs.rmSync(root, { recursive: true, force: true });
  }
  liveSessions.clear();
}
process.once('exit', killLiveSessions);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killLiveSessions();
    // Then die of the signal (vitest does not let a worker call process.exit).
    for (const other of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(other);
    process.kill(process.pid, signal);
  });
}

export class VSCodeSession {
  private browser: Browser | undefined;
  private server: ChildProcess | undefined;
  private closed = false;
  page!: Page;

  private constructor(
    readonly root: string,
    readonly workspace: string,
    readonly userDir: string,
    readonly extensionsDir: string,
    readonly port: number,
  ) {}

  /** The installed extension's folder, e.g. EXT/lexicite.lexicite-0.1.0. */
  get extensionDir(): string {
    return path.join(this.extensionsDir, EXTENSION_FOLDER);
  }

  /** Writes the workspace files, installs the .vsix, starts code-server and opens the workbench. */
  static async start(name: string, files: Record<string, string>): Promise<VSCodeSession> {
    for (const [what, file] of [
      ['VS Code (run node tests/e2e/setup.mjs)', CODE_SERVER_ENTRY],
      ['Chromium (run node tests/e2e/setup.mjs)', CHROMIUM],
      ['the packaged extension (run npm run package)', VSIX],
    ] as const) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: ${what}`);
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `lexicite-e2e-${slug(name)}-`));
    const session = new VSCodeSession(root, path.join(root, 'workspace'), path.join(root, 'user'), path.join(root, 'extensions'), await freePort());
    try {
      await session.launch(files);
    } catch (error) {
      const folder = await session.saveArtifacts(`${name}-startup`).catch((saveError) => `(could not save artifacts: ${String(saveError)})`);
      await session.close();
      console.error(`[e2e] VS Code did not start for ${name}; screenshot and logs: ${folder}`);
      if (error instanceof Error) error.message = `${error.message}\n\nScreenshot and VS Code logs: ${folder}`;
      throw error;
    }
    return session;
  }

  private async launch(files: Record<string, string>): Promise<void> {
    liveSessions.set(this.root, undefined);
    for (const [relative, content] of Object.entries(files)) {
      const file = path.join(this.workspace, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    fs.mkdirSync(path.join(this.userDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(this.userDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    // A certificate bundle for every Node process the editor starts: the machine's own if it
    // names one, else an empty file of the session's (read without a warning). The extension
    // must start its server without it (see editor.e2e.ts).
    let extraCertificates = process.env.NODE_EXTRA_CA_CERTS;
    if (!extraCertificates) {
      extraCertificates = path.join(this.root, 'extra-certificates.pem');
      fs.writeFileSync(extraCertificates, '');
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_EXTRA_CA_CERTS: extraCertificates,
      XDG_CONFIG_HOME: path.join(this.root, 'xdg-config'),
      XDG_DATA_HOME: path.join(this.root, 'xdg-data'),
      XDG_CACHE_HOME: path.join(this.root, 'xdg-cache'),
    };
    for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];

    execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--install-extension', VSIX, '--extensions-dir', this.extensionsDir, '--user-data-dir', this.userDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CEILING_MS,
    });
    const serverScript = path.join(this.extensionDir, 'dist', 'server.js');
    if (!fs.existsSync(serverScript)) throw new Error(`installing ${VSIX} did not produce ${serverScript}`);
    this.applyDeliberateBreakage();

    const log = fs.openSync(path.join(this.root, 'code-server.log'), 'a');
    this.server = spawn(
      process.execPath,
      [
        CODE_SERVER_ENTRY,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${this.port}`,
        '--extensions-dir', this.extensionsDir,
        '--user-data-dir', this.userDir,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        this.workspace,
      ],
      { env, detached: true, stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    liveSessions.set(this.root, this.server.pid);
    const exited = new Promise<never>((_, reject) => {
      this.server?.once('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal}); see ${path.join(this.root, 'code-server.log')}:\n${this.codeServerLogTail()}`)));
    });
    exited.catch(() => undefined);
    const healthy = waitFor(
      `code-server to answer on port ${this.port}`,
      async () => ((await fetch(`http://127.0.0.1:${this.port}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok ? true : undefined),
      CEILING_MS,
      () => this.codeServerLogTail(),
    );
    await Promise.race([healthy, exited]);

    // The extra switch (ignored by Chromium) names this session, to find its processes.
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, `--lexicite-e2e-session=${this.root}`], timeout: CEILING_MS });
    // The clipboard lets documentText() read a document through the editor's own Copy.
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(CEILING_MS);
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${this.workspace}`, { timeout: CEILING_MS });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: CEILING_MS });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: CEILING_MS });
  }

  private applyDeliberateBreakage(): void {
    const breakage = process.env.LEXICITE_E2E_BREAK;
    if (!breakage) return;
    const file = path.join(this.extensionDir, 'dist', breakage === 'client' ? 'client.js' : 'server.js');
    const source = fs.readFileSync(file, 'utf8');
    const sabotage = breakage === 'client' ? 'throw new Error("LEXICITE_E2E_BREAK=client");\n' : 'process.exit(3);\n';
    const [first, ...rest] = source.split('\n');
    const patched = first?.startsWith('#!') ? [first, sabotage + rest.join('\n')].join('\n') : sabotage + source;
    fs.writeFileSync(file, patched);
    console.warn(`[e2e] LEXICITE_E2E_BREAK=${breakage}: the installed ${path.relative(this.extensionsDir, file)} is deliberately broken`);
  }

  private codeServerLogTail(): string {
    try {
      return fs.readFileSync(path.join(this.root, 'code-server.log'), 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '(no code-server log)';
    }
  }

  // ---- files and logs ---------------------------------------------------------------

  /** Every file named `name` under the VS Code logs folder. */
  private logFiles(name: string): string[] {
    const found: string[] = [];
    const walk = (directory: string): void => {
      if (!fs.existsSync(directory)) return;
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === name) found.push(full);
      }
    };
    walk(path.join(this.userDir, 'logs'));
    return found.sort();
  }

  /** The text of the extension's "Lexicite" log (the output channel's file). */
  lexiciteLog(): string {
    return this.logFiles('Lexicite.log')
      .filter((file) => file.includes(EXTENSION_ID))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
  }

  /** Waits until the Lexicite log matches `pattern` (optionally more than `times` times). */
  async waitForLog(pattern: RegExp, timeoutMs = CEILING_MS, times = 1): Promise<string> {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    return waitFor(
      `the Lexicite log to show ${pattern}${times > 1 ? ` ${times} times` : ''}`,
      () => {
        const log = this.lexiciteLog();
        return (log.match(global)?.length ?? 0) >= times ? log : undefined;
      },
      timeoutMs,
      () => `Lexicite log so far:\n${this.lexiciteLog() || '(empty or missing)'}\n\nextension host log:\n${this.logFiles('remoteexthost.log').map((file) => fs.readFileSync(file, 'utf8')).join('\n').slice(-3000)}`,
    );
  }

  readWorkspaceFile(relative: string): string {
    return fs.readFileSync(path.join(this.workspace, relative), 'utf8');
  }

  /** Every file under the workspace folder (path relative to it, with / separators) and its bytes. */
  workspaceFiles(): Record<string, Buffer> {
    const files: Record<string, Buffer> = {};
    const walk = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else files[path.relative(this.workspace, full).split(path.sep).join('/')] = fs.readFileSync(full);
      }
    };
    walk(this.workspace);
    return files;
  }

  /** The running language-server processes of the installed extension. */
  serverProcesses(): Array<{ pid: number; cmdline: string }> {
    return processesMatching(path.join(this.extensionDir, 'dist', 'server.js'));
  }

  // ---- the workbench ----------------------------------------------------------------

  /** Opens a workspace file by clicking it in the Explorer and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .explorer-item').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }).first().click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
    await this.editor().locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
  }

  /** The tab of the open editor of the file named `name` (its base name). */
  tab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab[data-resource-name="${name.replace(/["\\]/g, '\\$&')}"]`);
  }

  /** Makes the open editor of `name` the active one by clicking its tab. */
  async showEditor(name: string): Promise<void> {
    await this.tab(name).click();
    await waitFor(`the editor of ${name} to be active`, async () => ((await this.tab(name).getAttribute('class'))?.split(/\s+/).includes('active') ? true : undefined), CEILING_MS);
    await this.editor().locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
  }

  /** Whether the open editor of `name` has unsaved changes (its tab is marked dirty). */
  async isDirty(name: string): Promise<boolean> {
    return ((await this.tab(name).getAttribute('class')) ?? '').split(/\s+/).includes('dirty');
  }

  /**
   * The whole text of the open document `name` as the editor holds it, saved or not: shows its
   * editor, selects everything and copies it with the editor's own Copy, and reads the
   * clipboard (a marker written there first tells a stale clipboard from the copy). Leaves the
   * cursor at the end of the document.
   */
  async documentText(name: string): Promise<string> {
    await this.showEditor(name);
    const marker = `lexicite-e2e-clipboard-${Date.now()}-${Math.random()}`;
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(marker)})`);
    await this.editor().locator('textarea').first().focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const text = await waitFor(`the text of ${name} on the clipboard`, async () => {
      const clipboard = await this.page.evaluate<string>('navigator.clipboard.readText()');
      return clipboard === marker ? undefined : clipboard;
    }, CEILING_MS);
    await this.page.keyboard.press('Control+End');
    return text;
  }

  /** The text editor in the editor area (the tests use one editor group). */
  editor(): Locator {
    return this.page.locator('.part.editor .editor-instance .monaco-editor').first();
  }

  /** The text of the visible lines of the active editor (enough for the short drafts here). */
  async visibleEditorText(): Promise<string> {
    const lines = await this.editor().locator('.view-lines .view-line').allTextContents();
    return plain(lines.join('\n'));
  }

  /** Puts the cursor at the end of the active editor's document. */
  async focusEditorAtEnd(): Promise<void> {
    await this.editor().locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
  }

  /** Saves the active editor and waits until the file on disk contains `expected`. */
  async saveAndExpect(relative: string, expected: string): Promise<string> {
    await this.page.keyboard.press('Control+S');
    return waitFor(`${relative} on disk to contain ${JSON.stringify(expected)}`, () => {
      const text = this.readWorkspaceFile(relative);
      return text.includes(expected) ? text : undefined;
    }, CEILING_MS, () => `${relative} on disk:\n${this.readWorkspaceFile(relative)}`);
  }

  /**
   * Hovers the first occurrence of `word` in the editor (at its `charOffset`-th character) and
   * waits for a hover that contains every string of `expected`; returns the hover text. The
   * mouse position is computed from the visual line's box and its text (the font is monospace), and
   * the pointer arrives in two small steps, as a hand would; a hover that does not come is
   * tried again from a little way off.
   */
  async hoverText(word: string, expected: string[], charOffset = 2, timeoutMs = CEILING_MS): Promise<string> {
    // The rendered line (long lines are split into several token spans, so take the line's
    // outer span, whose text is the whole visual line).
    const span = this.editor().locator('.view-line').filter({ hasText: word }).first().locator('> span');
    await span.waitFor({ state: 'visible' });
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    let attempt = 0;
    return waitFor(
      `a hover over ${JSON.stringify(word)} containing ${expected.map((text) => JSON.stringify(text)).join(', ')}`,
      async () => {
        attempt += 1;
        const text = plain((await span.textContent()) ?? '');
        const box = await span.boundingBox();
        const index = text.indexOf(word);
        if (!box || index < 0 || text.length === 0) return undefined;
        const charWidth = box.width / text.length;
        const x = box.x + (index + charOffset + 0.5) * charWidth;
        const y = box.y + box.height / 2;
        await this.page.mouse.move(x - charWidth * 3, y + box.height * (attempt % 2 === 0 ? 2 : -2));
        await this.page.mouse.move(x - charWidth, y, { steps: 2 });
        await this.page.mouse.move(x, y, { steps: 2 });
        const shown = await waitFor('a hover', async () => ((await hover.count()) > 0 && (await hover.first().isVisible()) ? plain(await hover.first().innerText()) : undefined), 3_000).catch(() => undefined);
        if (shown && expected.every((part) => shown.includes(part))) return shown;
        return undefined;
      },
      timeoutMs,
      async () => `last hover text: ${(await hover.count()) > 0 ? plain(await hover.first().innerText()) : '(no hover)'}`,
    );
  }

  /**
   * Hides the editor's hover, if one shows: presses Escape, moves the pointer to an empty spot
   * near the bottom of the editor (the drafts here are short) and waits until no hover is
   * visible, so that the next hoverText() cannot read the previous hover.
   */
  async dismissHover(timeoutMs = CEILING_MS): Promise<void> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    const visible = async (): Promise<boolean> => (await hover.count()) > 0 && (await hover.first().isVisible());
    if (!(await visible())) return;
    await this.page.keyboard.press('Escape');
    const box = await this.editor().boundingBox();
    if (box) await this.page.mouse.move(box.x + box.width * 0.6, box.y + box.height - 30, { steps: 2 });
    await waitFor('the hover to go away', async () => ((await visible()) ? undefined : true), timeoutMs, async () => `hover still shown: ${plain(await hover.first().innerText())}`);
  }

  /** Opens the Problems panel (if it is not open). */
  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if ((await panel.count()) > 0 && (await panel.first().isVisible())) return;
    await this.page.keyboard.press('Control+Shift+M');
    await panel.first().waitFor({ state: 'visible' });
  }

  /** The rows of the Problems panel, as text. */
  async problemRows(): Promise<string[]> {
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((row) => plain(row).replace(/\s+/g, ' ').trim());
  }

  /** Opens the Problems panel and waits for a row containing every string of `parts`. */
  async waitForProblem(parts: string[], timeoutMs = CEILING_MS): Promise<string> {
    await this.showProblems();
    return waitFor(
      `a Problems row containing ${parts.map((part) => JSON.stringify(part)).join(' and ')}`,
      async () => (await this.problemRows()).find((row) => parts.every((part) => row.includes(part))),
      timeoutMs,
      async () => `Problems rows:\n${(await this.problemRows()).join('\n') || '(none)'}`,
    );
  }

  /**
   * Runs a command from the command palette by its label, e.g. "Lexicite: Show Output", and
   * waits until `done` finds what the command does (a value, not undefined).
   *
   * The command's row is run with Enter once the palette has focused it: a click could land on
   * a row the list was drawing again as it filtered. Once in a run under load (two busy
   * processes on two cores), the palette closed and the command's effect never came: the
   * palette is opened again, up to three times, each time waited for a third of the ceiling,
   * and each attempt after the first is written to the test's output.
   */
  async runCommand<T>(label: string, what: string, done: () => Promise<T | undefined>): Promise<T> {
    const attempts = 3;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+Shift+P');
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${label}`);
      const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').filter({ hasText: label }).first();
      await row.waitFor({ state: 'visible' });
      await this.page.keyboard.press('Enter');
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      try {
        return await waitFor(what, done, attempt < attempts ? Math.round(CEILING_MS / attempts) : CEILING_MS);
      } catch (error) {
        if (attempt >= attempts) throw new Error(`the command "${label}" was run ${attempts} times: ${error instanceof Error ? error.message : String(error)}`);
        console.warn(`[e2e] the command "${label}" was run, and ${what} did not come: running it again (attempt ${attempt + 1} of ${attempts})`);
      }
    }
  }

  // ---- failure artifacts and teardown -------------------------------------------------

  /** Saves a screenshot, the VS Code logs, the code-server log and the workspace into test-results/e2e/<name>/. */
  async saveArtifacts(name: string): Promise<string> {
    const directory = path.join(RESULTS_DIR, slug(name));
    fs.mkdirSync(directory, { recursive: true });
    try {
      await this.page?.screenshot({ path: path.join(directory, 'screenshot.png'), timeout: 10_000 });
    } catch (error) {
      fs.writeFileSync(path.join(directory, 'screenshot-failed.txt'), String(error));
    }
    const copy = (from: string, to: string): void => {
      if (fs.existsSync(from)) fs.cpSync(from, path.join(directory, to), { recursive: true, dereference: false });
    };
    copy(path.join(this.userDir, 'logs'), 'vscode-logs');
    copy(path.join(this.root, 'code-server.log'), 'code-server.log');
    copy(this.workspace, 'workspace');
    return directory;
  }

  /** Closes Chromium and stops code-server with everything it started (its process group). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser?.close().catch(() => undefined);
    const server = this.server;
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      const ended = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
      if ((await Promise.race([ended, timer])) === 'timeout') {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    liveSessions.delete(this.root);
    // Anything still running from this session's folders (a language server that left the group).
    for (const leftover of processesMatching(this.root)) {
      try {
        process.kill(leftover.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * A scenario: a test that, when it fails, saves the screenshot and logs into
 * test-results/e2e/<name>/ and names that folder (absolute path) in its error.
 */
export function scenario(name: string, session: () => VSCodeSession | undefined, body: () => Promise<void>, timeoutMs?: number): void {
  it(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        const current = session();
        const folder = current ? await current.saveArtifacts(name).catch((saveError) => `(could not save artifacts: ${String(saveError)})`) : '(no VS Code session)';
        console.error(`[e2e] scenario "${name}" failed; screenshot and logs: ${folder}`);
        if (error instanceof Error) {
          error.message = `${error.message}\n\nScreenshot and VS Code logs: ${folder}`;
          throw error;
        }
        throw new Error(`${String(error)}\n\nScreenshot and VS Code logs: ${folder}`);
      }
    },
    timeoutMs,
  );
}

/**
 * One VS Code per test file: started before the file's scenarios, closed after them (even when
 * they fail). Returns `vscode()`, which throws when the start failed, and `session()` for
 * `scenario()`, which saves the artifacts of a failing scenario.
 */
export function useVSCode(name: string, files: Record<string, string>): { vscode: () => VSCodeSession; session: () => VSCodeSession | undefined } {
  let current: VSCodeSession | undefined;
  beforeAll(async () => {
    current = await VSCodeSession.start(name, files);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    vscode: () => {
      if (!current) throw new Error('VS Code did not start (see the beforeAll error)');
      return current;
    },
    session: () => current,
  };
}
