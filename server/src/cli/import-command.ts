/**
 * `lexicite import`: writes a source pack (.lexicite/<id>.json) with the verbatim provisions
 * of an official text copied from its PDF. The parsing is importOfficialText (pure, in the
 * core); this file only reads the input, writes the output and reports.
 *
 * Exit codes: 0 written, 2 usage, I/O or structure error (nothing written).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { builtInTargetOf, importOfficialText, type BuiltInTarget, type ImportRequest } from '../core/import/official-text';
import { loadCommandCorpus } from './corpus';
import { describeFsError, displayPath, writeNewFile, type CommandIo } from './files';


export const IMPORT_USAGE = `Usage: lexicite import --id ID --title TITLE [--url URL] [options] FILE

Turns the plain text of an official document (copied from its PDF, with its line breaks
and page headers) into a source pack with the document's provisions, word for word.
FILE is UTF-8 text. Treaties and conventions need "Article N" headings; resolutions need
numbered operative paragraphs ("1. Decides ...").

Options:
  --id ID            instrument id: lowercase words joined by hyphens (lighthouse-treaty-2030)
  --title TITLE      the instrument's title (not for a built-in instrument's id, such as
                     rus-dprk-2024: its text is added to it as its provisions)
  --url URL          http(s) address of the official document the text was copied from
                     (recommended: without it the pack names only the file)
  --type TYPE        treaty, convention, resolution or articles (default: detected)
  --lang LANG        language of the text, a BCP-47 tag (default: en)
  --date YYYY-MM-DD  date of adoption or signature (default: read from the text)
  --symbol SYMBOL    document symbol, e.g. "S/RES/1718 (2006)" (default: read from a resolution's running head)
  --out FILE         where to write the pack (default: .lexicite/ID.json)
  --stdout           print the pack instead of writing a file
  --force            replace an existing output file
  -h, --help         show this help

What was removed (page headers, footers, page numbers), what was not imported and every
line joined at a hyphen are listed as warnings on stderr: check them.
Exit codes: 0 the pack was written, 2 usage, I/O or structure error (nothing written).
`;

/** The built-in instrument with this id, if any: its text is imported as its provisions (a pack cannot redefine it). */
function builtInTarget(id: string, cwd: string): BuiltInTarget | null {
  return builtInTargetOf(loadCommandCorpus(cwd, { 'no-packs': true }).corpus.instrument(id));
}

const EXIT_OK = 0;
const EXIT_ERROR = 2;
const TYPES = ['treaty', 'convention', 'resolution', 'articles'] as const;

export function runImport(args: string[], io: CommandIo): number {
  const fail = (message: string, usage = false): number => {
    io.stderr(`lexicite import: ${message}\n${usage ? `\n${IMPORT_USAGE}` : ''}`);
    return EXIT_ERROR;
  };

  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        id: { type: 'string' },
        title: { type: 'string' },
        type: { type: 'string' },
        url: { type: 'string' },
        lang: { type: 'string' },
        date: { type: 'string' },
        symbol: { type: 'string' },
        out: { type: 'string' },
        stdout: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), true);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) return fail('missing FILE: the text file to import', true);
  if (positionals.length > 1) return fail(`one FILE at a time (got ${positionals.length}: ${positionals.join(', ')})`, true);
  if (values.id === undefined) return fail('missing --id', true);
  const builtIn = builtInTarget(values.id, io.cwd);
  if (values.title === undefined && !builtIn) return fail('missing --title (only a built-in instrument\'s id needs none)', true);
  if (values.out !== undefined && values.stdout) return fail('--out and --stdout cannot be used together', true);
  const type = values.type;
  if (type !== undefined && !(TYPES as readonly string[]).includes(type)) return fail(`unknown --type "${type}": choose ${TYPES.join(', ')}`);

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

  const request: ImportRequest = {
    id: values.id,
    title: values.title ?? '',
    text,
    builtIn,
    sourceLabel: path.basename(file),
    url: values.url ?? null,
    date: values.date ?? null,
    symbol: values.symbol ?? null,
    ...(type !== undefined ? { type: type as NonNullable<ImportRequest['type']> } : {}),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
  };
  const result = importOfficialText(request);
  if (!result.ok) return fail(`${file}: ${result.error}`);

  const json = `${JSON.stringify(result.pack, null, 2)}\n`;
  const warnings = result.warnings.map((warning) => `lexicite import: warning: ${warning}\n`).join('');
  const instrument = result.pack.instruments[0];
  const given = result.pack.provisions ?? [];
  const summary = instrument
    ? `${instrument.provisions.length} provision${instrument.provisions.length === 1 ? '' : 's'} of ${instrument.type} "${instrument.id}" (${instrument.structure.count} ${instrument.structure.unit === 'paragraph' ? 'operative paragraph' : 'article'}${instrument.structure.count === 1 ? '' : 's'})`
    : `${given.length} provision${given.length === 1 ? '' : 's'} of the built-in "${values.id}"`;

  if (values.stdout) {
    io.stdout(json);
    io.stderr(`${warnings}lexicite import: printed ${summary}\n`);
    return EXIT_OK;
  }

  const outFile = values.out ?? path.join('.lexicite', `${values.id}.json`);
  const outAbsolute = path.resolve(io.cwd, outFile);
  const shown = displayPath(outAbsolute, io.cwd);
  try {
    // An existing pack is never replaced without --force.
    if (writeNewFile(outAbsolute, json, values.force) === 'exists') {
      return fail(`${shown} already exists; nothing was written (use --force to replace it, or --out to write elsewhere)`);
    }
  } catch (error) {
    return fail(`cannot write ${shown}: ${describeFsError(error)}`);
  }
  io.stderr(`${warnings}lexicite import: wrote ${shown}: ${summary}\n`);
  return EXIT_OK;
}
