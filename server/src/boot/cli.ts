// dist/cli.js: the command line's bundle run with V8's code cache (see code-cache.ts).
import * as path from 'node:path';
import { runBundle } from './code-cache';

runBundle(path.join(__dirname, 'cli-bundle.js'));
