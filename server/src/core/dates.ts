/** Dates as hovers, messages and tables show them. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2006-10-14" → "14 October 2006"; partial dates keep what they have. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? isoDate;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
