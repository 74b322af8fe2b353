/** "2026-11-22 10:04 UTC": one fixed rendering of an instant, the same on the server and in the browser. */
export function formatUtc(date: Date) {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
