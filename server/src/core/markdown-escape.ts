/**
 * Escaping for text that comes from data or from a user's source pack and is shown in
 * Markdown (hovers). Escaped text can never become a link, a command link, HTML or an
 * image: every Markdown punctuation character is backslash-escaped and `<`/`>` become
 * entities.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A link target from data, accepted only when it is an http(s) URL; anything else is dropped. */
export function safeLinkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // Inside <...> a destination may hold anything but line breaks and angle brackets.
  return /[\s<>]/.test(url) ? null : url;
}

export function markdownLink(label: string, url: string | null | undefined): string | null {
  const target = safeLinkTarget(url);
  return target ? `[${escapeMarkdown(label)}](<${target}>)` : null;
}
