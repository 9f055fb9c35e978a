/**
 * Files (or parts of files) generated from code and data, so that each fact is written
 * once: the `lexicite.*` settings in package.json, the README's settings and diagnostics
 * tables, and snippets/markdown.json. `npm run generate` writes them; the test
 * tests/unit/generated.test.ts fails when a committed copy drifts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { instrumentDateText, instrumentYear, loadCorpus, type Instrument } from '../server/src/core/corpus';
import { formatDate } from '../server/src/core/dates';
import { RULES, SOURCE_PACK_CODE, SOURCE_PACK_SUMMARY } from '../server/src/core/rules';
import { RULE_LEVELS } from '../server/src/core/types';
import { CITATION_STYLES, formatCitation } from '../server/src/core/citations';
import { CITATION_SCOPES, EXTERNAL_REFERENCES } from '../server/src/core/analyze';
import { DEFAULT_PACK_GLOBS } from '../server/src/core/pack-files';
import { DEFAULT_HOVER_LANGUAGES, DEFAULT_MAX_FILE_SIZE } from '../server/src/core/settings';

export interface Artifact {
  file: string;
  content: string;
}

interface SettingSchema {
  type: string;
  items?: { type: string };
  enum?: string[];
  enumDescriptions?: string[];
  default: unknown;
  scope?: string;
  markdownDescription: string;
}

export function settingsSchema(): Record<string, SettingSchema> {
  const properties: Record<string, SettingSchema> = {
    'lexicite.sourcePacks': {
      type: 'array',
      items: { type: 'string' },
      default: [...DEFAULT_PACK_GLOBS],
      scope: 'resource',
      markdownDescription:
        'Globs, relative to each workspace folder, of the source packs to load: JSON files that add instruments, provisions and officials (see the README section `Source packs`). Not used in untrusted workspaces.',
    },
    'lexicite.citationStyle': {
      type: 'string',
      enum: [...CITATION_STYLES],
      default: 'un',
      scope: 'resource',
      markdownDescription:
        'Citation style of the citations Lexicite writes: in hovers, in footnotes inserted by quick fixes and in completions. `un`: UN editorial practice; `chicago`: Chicago notes; `oscola`: OSCOLA.',
    },
    'lexicite.citationScope': {
      type: 'string',
      enum: [...CITATION_SCOPES],
      default: 'sentence',
      scope: 'resource',
      markdownDescription:
        'Where a citation must be for `uncited-reference`, `uncited-claim` and `vague-attribution` to count a sentence as cited: in the `sentence` itself, or anywhere in its `paragraph`.',
    },
    'lexicite.externalReferences': {
      type: 'string',
      enum: [...EXTERNAL_REFERENCES],
      default: 'cite',
      scope: 'resource',
      markdownDescription:
        'Whether a reference to an instrument outside Lexicite\'s corpus (the CTBT, the ICCPR, a General Assembly resolution: see the README section `What Lexicite recognizes`) needs a source like any other: `cite` reports it with `uncited-reference` when its sentence cites nothing; `ignore` leaves it to you. Either way it is recognized, never checked against a text, and never reported as unknown or ambiguous.',
    },
    'lexicite.hoverLanguages': {
      type: 'array',
      items: { type: 'string' },
      default: [...DEFAULT_HOVER_LANGUAGES],
      scope: 'resource',
      markdownDescription:
        'The languages, in order, that a hover shows a provision\'s text in first (BCP-47 tags such as `en`, `ru`, `ko`): it leads with the most authoritative rendering in the first of them that has one (the official text, a copy in an authentic language, an official translation, then press translations), says when it is a translation, and counts the other renderings by language with a link to all of them.',
    },
    'lexicite.maxFileSize': {
      type: 'number',
      default: DEFAULT_MAX_FILE_SIZE,
      scope: 'resource',
      markdownDescription:
        'Drafts larger than this many bytes are not checked in the editor: Lexicite says so once and shows no diagnostics or hovers for them, instead of slowing the editor down. The CLI checks files of any size.',
    },
    'lexicite.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      markdownDescription: 'Traces the communication between VS Code and the Lexicite language server in the "Lexicite" output channel.',
    },
  };
  for (const rule of RULES) {
    properties[`lexicite.rules.${rule.code}`] = {
      type: 'string',
      enum: [...RULE_LEVELS],
      default: rule.defaultSeverity,
      scope: 'resource',
      markdownDescription: `Severity of \`${rule.code}\`: ${rule.summary} See the README section \`${rule.code}\`.`,
    };
  }
  return properties;
}

function settingsTable(): string {
  const rows = Object.entries(settingsSchema()).map(([key, schema]) => {
    const values = schema.enum ? schema.enum.map((value) => `\`${value}\``).join(', ') : schema.items ? `${schema.type} of ${schema.items.type}s` : schema.type;
    return `| \`${key}\` | ${values} | \`${JSON.stringify(schema.default).replace(/^"|"$/g, '')}\` | ${schema.markdownDescription.replace(/\|/g, '\\|')} |`;
  });
  return ['| setting | values | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

function diagnosticsTable(): string {
  const rows = RULES.map((rule) => `| [\`${rule.code}\`](#${rule.code}) | ${rule.defaultSeverity} | ${rule.summary} |`);
  rows.push(`| [\`${SOURCE_PACK_CODE}\`](#${SOURCE_PACK_CODE}) | error or warning (not configurable) | ${SOURCE_PACK_SUMMARY} |`);
  return ['| code | default severity | what it flags |', '|---|---|---|', ...rows].join('\n');
}

function replaceBetweenMarkers(text: string, name: string, replacement: string, file: string): string {
  const begin = `<!-- generated:${name} begin -->`;
  const end = `<!-- generated:${name} end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${begin} … ${end}`);
  return `${text.slice(0, from + begin.length)}\n${replacement}\n${text.slice(to)}`;
}

/**
 * Per instrument: a footnote citation in each citation style (`cite-<id>` is UN style,
 * `cite-chicago-<id>` and `cite-oscola-<id>` the others) and the inline form writers use.
 */
function snippets(instruments: readonly Instrument[]): Record<string, { prefix: string[]; body: string[]; description: string }> {
  const result: Record<string, { prefix: string[]; body: string[]; description: string }> = {};
  const escape = (text: string): string => text.replace(/[$}\\]/g, (char) => `\\${char}`);
  for (const instrument of [...instruments].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const style of CITATION_STYLES) {
      const prefix = style === 'un' ? `cite-${instrument.id}` : `cite-${style}-${instrument.id}`;
      const citation = formatCitation(instrument, null, style);
      result[`${instrument.shortTitle}: footnote citation (${style.toUpperCase()})`] = {
        prefix: [prefix],
        body: [`[^\${1:${instrument.id}}]`, '', `[^\${1:${instrument.id}}]: ${escape(citation)}`],
        description: `Footnote citing ${instrument.title} (${style.toUpperCase()} style)`,
      };
    }
    const inline =
      instrument.type === 'resolution'
        ? `resolution ${instrument.id.replace(/^unscr-/, '')} (${instrumentYear(instrument) ?? ''})`
        : (instrument.aliases?.[0] ?? instrument.shortTitle);
    result[`${instrument.shortTitle}: inline`] = {
      prefix: [instrument.type === 'resolution' ? `res-${instrument.id.replace(/^unscr-/, '')}` : `name-${instrument.id}`],
      body: [escape(inline)],
      description: `${instrument.symbol ?? instrument.shortTitle}, ${instrument.dateKind} ${instrumentDateText(instrument)}`,
    };
  }
  return result;
}

export function generatedArtifacts(root: string): Artifact[] {
  const packagePath = path.join(root, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(packagePath, 'utf8')) as Record<string, unknown> & { contributes?: Record<string, unknown> };
  manifest.contributes = {
    ...(manifest.contributes ?? {}),
    configuration: { title: 'Lexicite', properties: settingsSchema() },
  };

  const readmePath = path.join(root, 'README.md');
  let readme = fs.readFileSync(readmePath, 'utf8');
  readme = replaceBetweenMarkers(readme, 'settings', settingsTable(), readmePath);
  readme = replaceBetweenMarkers(readme, 'diagnostics', diagnosticsTable(), readmePath);

  const { corpus, problems } = loadCorpus(process.env.LEXICITE_DATA_DIR ?? path.join(root, 'data'));
  if (problems.length > 0) throw new Error(`data problems: ${problems.map((problem) => `${problem.file} ${problem.jsonPath}: ${problem.message}`).join('; ')}`);

  return [
    { file: packagePath, content: `${JSON.stringify(manifest, null, 2)}\n` },
    { file: readmePath, content: readme },
    { file: path.join(root, 'snippets', 'markdown.json'), content: `${JSON.stringify(snippets(corpus.instruments.filter((instrument) => !instrument.origin)), null, 2)}\n` },
  ];
}
