/** How dates read in the explorer: "28 Sep 2023", "Sep 2024", "2024". */

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export interface PartialDateValue {
  value: string;
  precision?: 'DAY' | 'MONTH' | 'YEAR';
  inferred?: boolean;
}

/** A partial date at its own precision (`2024-09` → "Sep 2024"). */
export function formatPartialDate(date: PartialDateValue | null | undefined): string | null {
  if (!date) return null;
  const [year, month, day] = date.value.split('-');
  if (!year) return date.value;
  if (!month) return year;
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  if (Number.isNaN(instant.getTime())) return date.value;
  return day ? dayFormat.format(instant) : monthFormat.format(instant);
}

/** The day a report was published, as the report's own clock read it. */
export function formatPublished(dateTime: string): string {
  return formatPartialDate({ value: dateTime.slice(0, 10) }) ?? dateTime;
}

export function placeText(place: { city?: string | null; country?: { name: string } | null } | null | undefined): string | null {
  if (!place) return null;
  const parts = [place.city, place.country?.name].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(', ') : null;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
