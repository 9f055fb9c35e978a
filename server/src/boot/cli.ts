// dist/cli.js: the command line's bundle run with V8's code cache (see code-cache.ts) and settings (v8-tuning.ts).
import * as path from 'node:path';
import { runBundle } from './code-cache';
import { tuneV8 } from './v8-tuning';

tuneV8();
runBundle(path.join(__dirname, 'cli-bundle.js'));
