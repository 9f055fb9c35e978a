// dist/server.js: the language server's bundle run with V8's code cache (see code-cache.ts) and settings (v8-tuning.ts).
import * as path from 'node:path';
import { runBundle } from './code-cache';
import { tuneV8 } from './v8-tuning';

tuneV8();
runBundle(path.join(__dirname, 'server-bundle.js'), 5000);
