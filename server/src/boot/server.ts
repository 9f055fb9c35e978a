// dist/server.js: the language server's bundle run with V8's code cache (see code-cache.ts).
import * as path from 'node:path';
import { runBundle } from './code-cache';

runBundle(path.join(__dirname, 'server-bundle.js'), 5000);
