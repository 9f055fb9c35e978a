/**
 * `lexicite toa`: prints (or writes) the table of authorities of a Markdown draft. The table
 * is tableOfAuthorities (pure, in the core); this file reads the draft and the source packs,
 * and writes the result.
 *
 * Exit codes: 0 written, 2 usage or I/O error (nothing written).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDocument } from '../core/analyze';
import { tableOfAuthorities } from '../core/authorities';
import { loadCommandCorpus, PACK_OPTIONS } from './corpus';
import { describeFsError, displayPath, writeNewFile, type CommandIo } from './files';


export const TOA_USAGE = `Usage: lexicite toa [--out FILE] [--force] [--title TITLE] [--packs GLOB]... [--no-packs] FILE

Prints the table of authorities of a Markdown draft: every resolution, treaty, convention
and ILC article it cites (with the provisions cited), the officials it names, and the
sections and lines where each is cited. References that name no instrument are listed
last with what they could mean.

Options:
  --out FILE         write the table to FILE instead of printing it
  --force            replace an existing --out file
  --title TITLE      the table's heading (default: Table of authorities)
  --packs GLOB       source packs to load, relative to the working directory
                     (repeatable; default: .lexicite/*.json)
  --no-packs         load no source packs
  -h, --help         show this help

Exit codes: 0 the table was printed or written, 2 usage or I/O error.
`;

const EXIT_OK = 0;
const EXIT_ERROR = 2;

export function runToa(args: string[], io: CommandIo): number {
  const fail = (message: string, usage = false): number => {
    io.stderr(`lexicite toa: ${message}\n${usage ? `\n${TOA_USAGE}` : ''}`);
    return EXIT_ERROR;
  };

  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        title: { type: 'string' },
        ...PACK_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), true);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(TOA_USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) return fail('missing FILE: the Markdown draft', true);
  if (positionals.length > 1) return fail(`one FILE at a time (got ${positionals.length}: ${positionals.join(', ')})`, true);
  if (values.out !== undefined && values.out.length === 0) return fail('--out needs a file name', true);

  const file = positionals[0] as string;
  let text: string;
  try {
    const absolute = path.resolve(io.cwd, file);
    if (fs.statSync(absolute).isDirectory()) return fail(`cannot read ${file}: is a directory`);
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${describeFsError(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const { corpus, dataProblems, packProblems: problemsByFile } = loadCommandCorpus(io.cwd, values);
  if (dataProblems.length > 0) {
    for (const problem of dataProblems) io.stderr(`lexicite toa: data problem in ${problem.file} at ${problem.jsonPath}: ${problem.message}\n`);
    return EXIT_ERROR;
  }
  for (const [packFile, packProblems] of problemsByFile) {
    for (const problem of packProblems) {
      io.stderr(`lexicite toa: ${problem.severity === 'error' ? 'source pack problem' : 'source pack warning'} in ${displayPath(packFile, io.cwd)} at ${problem.jsonPath}: ${problem.message}\n`);
    }
  }

  const table = tableOfAuthorities(analyzeDocument(text, corpus), corpus, values.title !== undefined ? { title: values.title } : {});
  if (values.out === undefined) {
    io.stdout(table);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, values.out);
  const shown = displayPath(out, io.cwd);
  try {
    if (writeNewFile(out, table, values.force) === 'exists') return fail(`${shown} already exists; nothing was written (use --force to replace it)`);
  } catch (error) {
    return fail(`cannot write ${shown}: ${describeFsError(error)}`);
  }
  io.stderr(`lexicite toa: wrote ${shown}\n`);
  return EXIT_OK;
}
