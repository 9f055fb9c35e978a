import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Expansion {
  files: string[];
  errors: string[];
}

/**
 * Expands the CLI's PATH arguments: files are kept as given, folders are searched
 * recursively for `*.md` (skipping node_modules and hidden folders). Paths that cannot
 * be read become error messages naming them; the others are still returned.
 */
export function expandPaths(inputs: readonly string[]): Expansion {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      errors.push(`cannot read ${input}: ${describeFsError(error)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(input, found, errors);
      if (found.length === 0) errors.push(`no Markdown (*.md) files found in ${input}`);
      files.push(...found.sort());
    } else {
      files.push(input);
    }
  }
  return { files, errors };
}

function walk(directory: string, found: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    errors.push(`cannot read ${directory}: ${describeFsError(error)}`);
    return;
  }
  for (const entry of entries) {
    const child = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(child, found, errors);
    } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
      found.push(child);
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A path as reported: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(file));
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
  return shown.split(path.sep).join('/');
}

/** Where a subcommand writes and what it works in (the process's, or a test's). */
export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Writes `content` to a new file, creating its folders. An existing file is replaced only
 * when `replace` is set (the check and the write are one step: no data is lost to a race).
 * Returns 'exists' when the file was there and left alone; other failures throw.
 */
export function writeNewFile(file: string, content: string, replace: boolean): 'written' | 'exists' {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, content, { encoding: 'utf8', flag: replace ? 'w' : 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}
