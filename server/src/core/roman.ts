/** Roman numerals, as treaties number their articles (the NPT's Article VI) and chapters (the Charter's Chapter VII). */

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const TABLE: ReadonlyArray<readonly [number, string]> = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 6 → "VI" (up to C). */
export function toRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, letters] of TABLE) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

/**
 * "VI" → 6; null when a letter is not a numeral. With `strict`, also null for a numeral not
 * written the usual way ("IIII", "VV"): in prose such letters are rarely a number.
 */
export function romanValue(text: string, strict = false): number | null {
  let total = 0;
  for (let index = 0; index < text.length; index++) {
    const value = VALUES[text[index] as string];
    const next = VALUES[text[index + 1] as string] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  if (strict && (total <= 0 || toRoman(total) !== text)) return null;
  return total;
}
