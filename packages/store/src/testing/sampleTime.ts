/** A fixed ISO timestamp `minute` minutes after 2026-01-15T10:00Z, so sample records sort predictably. */
export function sampleTime(minute: number): string {
  return new Date(Date.UTC(2026, 0, 15, 10, minute)).toISOString();
}
