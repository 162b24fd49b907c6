/**
 * A conference's status as of the report that mentions it. Reports are written on a day: a conference
 * whose dates are all before that day was held then, even if the report's wording (or an older report)
 * made it sound planned. Judged at ingestion, so the API and every page agree.
 */
import type { PartialDateDoc } from '../models/common';
import type { ConferenceStatusValue } from '../models/conferences';

/** Last day of the period a partial date names: `2024` → `2024-12-31`, `2024-02` → `2024-02-29`. */
export function periodEnd(date: PartialDateDoc): string {
  const [year, month, day] = date.value.split('-');
  if (day) return date.value;
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(last).padStart(2, '0')}`;
  }
  return `${year}-12-31`;
}

/** PLANNED becomes HELD when the conference's last (or only known) day is before `reportDay` (`YYYY-MM-DD`). */
export function statusAsOfReport(
  conference: { status: ConferenceStatusValue; startDate: PartialDateDoc | null; endDate: PartialDateDoc | null },
  reportDay: string,
): ConferenceStatusValue {
  const last = conference.endDate ?? conference.startDate;
  if (conference.status === 'PLANNED' && last && periodEnd(last) < reportDay) return 'HELD';
  return conference.status;
}
