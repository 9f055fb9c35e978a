/** Dates as hovers, messages, tables and citations show them. Partial dates keep what they have. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(isoDate: string): { year: string; month: string | undefined; day: number | undefined } {
  const [year, month, day] = isoDate.split('-');
  return { year: year ?? isoDate, month: month ? MONTHS[Number(month) - 1] : undefined, day: day ? Number(day) : undefined };
}

/** "2006-10-14" → "14 October 2006". */
export function formatDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  if (!month) return year;
  return day ? `${day} ${month} ${year}` : `${month} ${year}`;
}

/** "2006-10-14" → "October 14, 2006" (as Chicago notes write dates). */
export function formatDateMonthFirst(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  if (!month) return year;
  return day ? `${month} ${day}, ${year}` : `${month} ${year}`;
}
