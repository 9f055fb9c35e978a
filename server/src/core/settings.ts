import { CITATION_SCOPES, DEFAULT_SETTINGS, EXTERNAL_REFERENCES, type AnalysisSettings, type CitationScope, type ExternalReferences } from './analyze';
import { CITATION_STYLES, type CitationStyle } from './citations';
import { RULES } from './rules';
import { RULE_LEVELS, type RuleLevel } from './types';

/**
 * Turns the `lexicite` settings object (from VS Code, another editor or a config file)
 * into analysis settings. Bad values never throw: each is reported and its default kept.
 */
/** Documents larger than this many bytes (UTF-8) are not analysed by the language server by default: 10 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The languages hovers show a provision's text in first: English. */
export const DEFAULT_HOVER_LANGUAGES: readonly string[] = ['en'];

/** The keys of the `lexicite` settings section (`trace` is the client's: `lexicite.trace.server`). */
const KNOWN_SETTINGS = ['rules', 'citationStyle', 'citationScope', 'externalReferences', 'hoverLanguages', 'sourcePacks', 'maxFileSize', 'trace'];

export function settingsFromJson(value: unknown): { settings: AnalysisSettings; maxFileSize: number; problems: string[] } {
  const problems: string[] = [];
  const rules: Record<string, RuleLevel> = {};
  const section = isRecord(value) ? value : {};
  if (value !== undefined && value !== null && !isRecord(value)) problems.push('lexicite settings must be an object; using defaults');
  for (const key of Object.keys(section)) {
    if (!KNOWN_SETTINGS.includes(key)) problems.push(`lexicite.${key}: unknown setting, ignored (known: ${KNOWN_SETTINGS.map((known) => `lexicite.${known}`).join(', ')})`);
  }
  const configuredRules = section.rules;
  if (configuredRules !== undefined && configuredRules !== null) {
    if (!isRecord(configuredRules)) {
      problems.push('lexicite.rules must be an object mapping rule codes to off, hint, information, warning or error');
    } else {
      for (const [code, level] of Object.entries(configuredRules)) {
        if (!RULES.some((rule) => rule.code === code)) {
          problems.push(`lexicite.rules.${code}: unknown rule code (known: ${RULES.map((rule) => rule.code).join(', ')})`);
        } else if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
          problems.push(`lexicite.rules.${code}: ${JSON.stringify(level)} is not one of ${RULE_LEVELS.join(', ')}; using the default`);
        } else {
          rules[code] = level as RuleLevel;
        }
      }
    }
  }
  let citationStyle = DEFAULT_SETTINGS.citationStyle;
  const style = section.citationStyle;
  if (style !== undefined && style !== null) {
    if (typeof style === 'string' && (CITATION_STYLES as readonly string[]).includes(style)) citationStyle = style as CitationStyle;
    else problems.push(`lexicite.citationStyle: ${JSON.stringify(style)} is not one of ${CITATION_STYLES.join(', ')}; using ${citationStyle}`);
  }
  let citationScope = DEFAULT_SETTINGS.citationScope;
  const scope = section.citationScope;
  if (scope !== undefined && scope !== null) {
    if (typeof scope === 'string' && (CITATION_SCOPES as readonly string[]).includes(scope)) citationScope = scope as CitationScope;
    else problems.push(`lexicite.citationScope: ${JSON.stringify(scope)} is not one of ${CITATION_SCOPES.join(', ')}; using ${citationScope}`);
  }
  let externalReferences = DEFAULT_SETTINGS.externalReferences;
  const external = section.externalReferences;
  if (external !== undefined && external !== null) {
    if (typeof external === 'string' && (EXTERNAL_REFERENCES as readonly string[]).includes(external)) externalReferences = external as ExternalReferences;
    else problems.push(`lexicite.externalReferences: ${JSON.stringify(external)} is not one of ${EXTERNAL_REFERENCES.join(', ')}; using ${externalReferences}`);
  }
  let hoverLanguages: string[] = [...DEFAULT_HOVER_LANGUAGES];
  const languages = section.hoverLanguages;
  if (languages !== undefined && languages !== null) {
    if (Array.isArray(languages) && languages.length > 0 && languages.every((tag) => typeof tag === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag))) hoverLanguages = languages as string[];
    else problems.push(`lexicite.hoverLanguages: ${JSON.stringify(languages)} is not a list of language tags such as ["en", "ru"]; using ${JSON.stringify(hoverLanguages)}`);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const size = section.maxFileSize;
  if (size !== undefined && size !== null) {
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) maxFileSize = Math.floor(size);
    else problems.push(`lexicite.maxFileSize: ${JSON.stringify(size)} is not a number of bytes (0 or more); using ${maxFileSize}`);
  }
  return { settings: { rules, citationStyle, citationScope, externalReferences, hoverLanguages }, maxFileSize, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `lexicite.sourcePacks` globs of a folder's settings; bad values fall back to the default. */
export function sourcePackGlobsFromJson(value: unknown, fallback: readonly string[]): { globs: string[]; problems: string[] } {
  const section = isRecord(value) ? value.sourcePacks : undefined;
  if (section === undefined || section === null) return { globs: [...fallback], problems: [] };
  if (!Array.isArray(section) || !section.every((glob) => typeof glob === 'string')) {
    return { globs: [...fallback], problems: [`lexicite.sourcePacks must be an array of glob strings; using ${JSON.stringify(fallback)}`] };
  }
  return { globs: section as string[], problems: [] };
}
