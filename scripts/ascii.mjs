// The bundles in dist/ are made ASCII-only by esbuild.mjs with toAscii.

/**
 * Makes a bundle ASCII-only. esbuild escapes non-ASCII characters in strings but leaves them
 * in regular expression literals, in tagged templates (`String.raw`) and in comments, and
 * 45 lines of the CLI's bundle had some. A file with any non-ASCII byte must be decoded as
 * UTF-8 into a two-byte string, which took the starters 17 to 22 ms for each bundle; an
 * ASCII file is read as Latin-1 in about half that (server/src/boot/code-cache.ts).
 *
 * Each non-ASCII UTF-16 unit becomes `\uXXXX`, which means the same character in all three
 * places: in a regular expression (with or without the `u` flag, where an escaped surrogate
 * pair is one code point), in the `String.raw` texts that Lexicite builds expressions from,
 * and in a comment. Where a backslash escaped the character itself (`\…` in an expression),
 * the new escape takes that backslash's place. Only `.source` and `toString()` of such an
 * expression change. A source map's columns after such a character on its line are off by
 * the escape's extra length.
 */
export function toAscii(source) {
  return source.replace(/(\\*)([^\0-\x7f])/g, (_, backslashes, unit) => {
    const escape = `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return (backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes) + escape;
  });
}
