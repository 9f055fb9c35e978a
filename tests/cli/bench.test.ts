/** `npm run bench` smoke test: the quick run completes and reports a number in every row and every goal. No timing assertions. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicite-bench-'));

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('bench/run.mjs --quick', () => {
  it('writes a results table with a value in every row', () => {
    const out = path.join(workspace, 'results.md');
    // dist/ is built once by the tests' global setup: --no-build keeps other tests' servers from seeing half-written bundles.
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'run.mjs'), '--quick', '--no-build', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 150_000 });
    expect(run.error).toBeUndefined();
    expect(run.stderr).not.toMatch(/bench: error/);
    expect(run.status).toBe(0);

    const report = fs.readFileSync(out, 'utf8');
    expect(run.stdout).toContain(report.split('\n').find((line) => line.startsWith('| Measurement')));
    const cellsOf = (line: string): string[] => line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, ''));
    const [goalsPart, measurementsPart] = report.split('## All measurements');
    const rows = (measurementsPart ?? '')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Measurement') && !line.startsWith('| ---'))
      .map(cellsOf);
    const measurements = rows.map((cells) => cells[0]);
    for (const expected of [
      'Full analysis (lexicite)',
      'markdownlint 0.40, default rules',
      'Ratio lexicite / markdownlint',
      'Typing → diagnostics (server, stdio, pulled in slices, as VS Code does)',
      'Typing → diagnostics (server, stdio, pulled as one list)',
      'Typing → diagnostics (server, stdio, pushed)',
      'Hover (server, stdio)',
      "Hover worked out in process (the core's hoverAt, no protocol)",
      'Server cold start (spawn → initialize response)',
      'Floor: hover (a server on the same library that answers at once, stdio)',
      'Floor: cold start (the same server, spawn → initialize response)',
      'Bundle size dist/client.js',
      'Bundle size dist/server-bundle.js',
      'Bundle size dist/cli-bundle.js',
      'Peak memory (maxRSS, child process)',
      'Claim detector / full analysis',
    ]) {
      expect(measurements).toContain(expected);
    }
    for (const cells of rows) {
      expect(cells.length, cells.join(' | ')).toBe(7);
      expect(cells[3], `${cells[0]} (${cells[1]})`).toMatch(/^\d[\d,.]*(?: (?:ms|B|KiB|MiB|GiB|%))?$/);
    }
    // The goals of issue 15, each with a measured value (a quick run does not judge them).
    const goals = (goalsPart ?? '')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Goal') && !line.startsWith('| ---'))
      .map(cellsOf);
    expect(goals.map((cells) => cells[0])).toEqual([
      '`lexicite check --format json`, 100 KB, against a process that only parses it with markdown-it',
      'Edit → diagnostics over stdio, 100 KB, median (pulled in slices, as VS Code does)',
      'Hover over stdio, 100 KB, p99',
      'Cold start: spawn → ready with every resolution loaded (a hover over one answered)',
    ]);
    for (const cells of goals) {
      expect(cells.length, cells.join(' | ')).toBe(5);
      expect(cells[1], cells[0]).toMatch(/^\d[\d,.]* (?:ms|×)$/);
      expect(cells[3], cells[0]).toBe('(quick run)');
    }
    // The hover goal says how much of a hover is Lexicite's own work, and what the floor takes.
    expect(goals.find((cells) => cells[0]?.startsWith('Hover over stdio'))?.[4]).toMatch(/worked out in process, without the protocol: p99 \d[\d,.]* ms; a server on the same library that answers at once: p99 \d/);
    expect(report).toMatch(/^- Machine: .+, \d+ cores/m);
    expect(report).toMatch(/^- Node v\d+/m);
  }, 180_000);
});
