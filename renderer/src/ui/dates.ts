/** The institution's own calendar: today's local date and month, never through UTC. */
const pad = (n: number) => String(n).padStart(2, '0');

export function todayLocal(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function currentMonth(d: Date = new Date()): string {
  return todayLocal(d).slice(0, 7);
}
