import { useEffect, useState } from "react";
import { formatExact, formatRelative, formatUtc, toDate } from "~/utils/time-format";

export type PrintedTime = {
  /** As the original page printed it: "March 22, 2024, 5:57 pm". */
  text: string;
  /** The zone the original page printed its times in: "America/Los_Angeles". */
  timeZone: string;
};

/**
 * The one way an instant is shown. The server (and a cached page) renders a stable UTC form, so hydration
 * never mismatches; once hydrated, the reader sees "3 hours ago" and, on hover, the exact time in their
 * own zone. An imported comment keeps the time its original page printed, with the exact time on hover.
 */
export function Time({ date, printed, className }: { date: Date | string; printed?: PrintedTime | null; className?: string }) {
  const instant = toDate(date);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const exact = hydrated ? formatExact(instant) : formatExact(instant, { timeZone: "UTC" });
  const text = printed ? printed.text : hydrated ? formatRelative(instant, new Date()) : formatUtc(instant);
  const title = printed ? `${exact} (printed on the original page in ${printed.timeZone} time)` : exact;
  return (
    <time dateTime={instant.toISOString()} title={title} className={className}>
      {text}
    </time>
  );
}
