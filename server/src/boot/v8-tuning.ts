/**
 * A V8 setting for the analysis, applied by the starters (dist/cli.js, dist/server.js) before
 * they run their bundle.
 *
 * Regular expressions: by default V8 first compiles each expression to bytecode and
 * interprets it, then compiles it again to machine code once it has run. The analysis runs a
 * few hundred expressions, many with Unicode classes (`\p{L}`) whose compilation is costly,
 * and nearly all of them run more than once, so each was compiled twice. Compiling to
 * machine code at once, measured on the 2-core benchmark machine (medians of alternate runs):
 * `lexicite check` on a 10 KB draft 0.475 s -> 0.40 s, on the 1 MB draft about 150 ms less;
 * the server's first diagnostics of the 1 MB draft about 80 ms sooner. It costs the server's
 * start about 8 ms: the expressions its libraries run once while starting are compiled too.
 *
 * The flag must be set before the bundle is compiled: V8 rejects a code cache made under
 * other flags (setting it after the server's handshake made every start reject the cache
 * and answer `initialize` 40 ms later). A runtime that does not know the flag ignores it.
 */
import * as v8 from 'node:v8';

export function tuneV8(): void {
  try {
    v8.setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // Only an optimization.
  }
}
