// Days as "YYYY-MM-DD" strings and as UTC day numbers (days since 1970-01-01).
const MS_PER_DAY = 86400000;

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso + "T00:00:00Z") / MS_PER_DAY);
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

// Does the event's range [date, date_end] overlap the inclusive range [from, to]?
export function overlaps(date: string, dateEnd: string, from: string, to: string): boolean {
  return (dateEnd || date) >= from && date <= to;
}
