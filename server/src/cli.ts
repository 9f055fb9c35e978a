/**
 * The Lexicite command line: the same analysis core as the language server.
 *
 *   lexicite check [--format text|json|sarif] PATH...
 *   lexicite import --id ID --title TITLE [--url URL] FILE
 *   lexicite toa FILE
 *
 * Exit codes: 0 no error-severity diagnostic, 1 at least one, 2 usage or I/O errors.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeDocument } from './core/analyze';
import { namedBibliography, type BibliographyInput } from './core/bibliography';
import { SOURCE_PACK_CODE } from './core/rules';
import { loadCommandCorpus, PACK_OPTIONS } from './cli/corpus';
import { describeFsError, displayPath, expandPaths, type CommandIo } from './cli/files';
import { IMPORT_USAGE, runImport } from './cli/import-command';
import { runToa, TOA_USAGE } from './cli/toa-command';
import { formatJson, formatSarif, formatText, type FileReport } from './cli/report';

const VERSION = process.env.LEXICITE_VERSION ?? '0.0.0';

const USAGE = `Usage: lexicite check [--format text|json|sarif] [--packs GLOB]... [--no-packs] PATH...

Checks Markdown drafts for references and citation problems.
PATH may be a file or a folder (searched recursively for *.md).

Options:
  -f, --format FORMAT   text (default), json or sarif
      --packs GLOB      source packs to load, relative to the working directory
                        (repeatable; default: .lexicite/*.json)
      --no-packs        load no source packs
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors found, 1 error-severity diagnostics found, 2 usage or I/O error.
`;

const EXIT_OK = 0;
const EXIT_FOUND_ERRORS = 1;
const EXIT_USAGE_OR_IO = 2;

function fail(message: string): number {
  process.stderr.write(`lexicite: ${message}\n`);
  return EXIT_USAGE_OR_IO;
}

export function main(argv: string[]): number {
  // `import` and `toa` have their own options; everything after the word is theirs.
  const io: CommandIo = { cwd: process.cwd(), stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
  if (argv[0] === 'import') return runImport(argv.slice(1), io);
  if (argv[0] === 'toa') return runToa(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        ...PACK_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n${IMPORT_USAGE}\n${TOA_USAGE}`);
    return EXIT_OK;
  }
  if (values.version) {
    process.stdout.write(`lexicite ${VERSION}\n`);
    return EXIT_OK;
  }
  const [command, ...paths] = positionals;
  if (command === undefined) return fail(`missing command\n\n${USAGE}`);
  if (command !== 'check') return fail(`unknown command "${command}"\n\n${USAGE}\n${IMPORT_USAGE}\n${TOA_USAGE}`);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    return fail(`unknown format "${String(format)}": choose text, json or sarif`);
  }
  if (paths.length === 0) return fail(`check needs at least one PATH\n\n${USAGE}`);

  const { corpus, dataProblems, packProblems: problemsByFile } = loadCommandCorpus(process.cwd(), values);
  let ioFailed = dataProblems.length > 0;
  for (const problem of dataProblems) process.stderr.write(`lexicite: data problem in ${problem.file} at ${problem.jsonPath}: ${problem.message}\n`);

  // Source packs: each pack file with problems is reported like a checked file.
  const reports: FileReport[] = [];
  for (const [file, packProblems] of problemsByFile) {
    if (packProblems.length === 0) continue;
    reports.push({
      path: displayPath(file),
      references: [],
      diagnostics: packProblems.map((problem) => ({
        code: SOURCE_PACK_CODE,
        severity: problem.severity,
        message: `${problem.jsonPath}: ${problem.message}`,
        range: problem.range,
      })),
    });
  }

  const { files, errors } = expandPaths(paths);
  for (const error of errors) process.stderr.write(`lexicite: ${error}\n`);
  if (errors.length > 0) ioFailed = true;

  // Pandoc bibliographies named in front matter, read once each; a missing one is reported once (a warning, not an I/O failure).
  const bibliographies = new Map<string, string | null>();
  const bibliographyFor = (draft: string, text: string): BibliographyInput | null => {
    const file = namedBibliography(draft, text);
    if (!file) return null;
    if (!bibliographies.has(file)) {
      try {
        bibliographies.set(file, fs.readFileSync(file, 'utf8'));
      } catch (error) {
        bibliographies.set(file, null);
        process.stderr.write(`lexicite: warning: cannot read the bibliography ${displayPath(file)}: ${describeFsError(error)}\n`);
      }
    }
    const bibliography = bibliographies.get(file);
    return bibliography === null || bibliography === undefined ? null : { file, text: bibliography };
  };
  const reportedBibliographies = new Set<string>();

  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`lexicite: cannot read ${file}: ${describeFsError(error)}\n`);
      ioFailed = true;
      continue;
    }
    const analysis = analyzeDocument(text, corpus, undefined, { bibliography: bibliographyFor(file, text) });
    if (analysis.bibliography && !reportedBibliographies.has(analysis.bibliography.file)) {
      reportedBibliographies.add(analysis.bibliography.file);
      for (const problem of analysis.bibliography.problems) process.stderr.write(`lexicite: warning: ${problem}\n`);
    }
    reports.push({
      path: displayPath(file),
      references: analysis.references.map(({ kind, id, text: matched, range, name }) => ({ kind, id, text: matched, range, ...(kind === 'external' && name !== null ? { name } : {}) })),
      diagnostics: analysis.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
    });
  }

  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, VERSION) : formatText(reports);
  process.stdout.write(output);

  if (ioFailed) return EXIT_USAGE_OR_IO;
  const foundErrors = reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  return foundErrors ? EXIT_FOUND_ERRORS : EXIT_OK;
}

process.exitCode = main(process.argv.slice(2));
