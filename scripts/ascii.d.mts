/** See scripts/ascii.mjs. */
export function toAscii(source: string): string;
