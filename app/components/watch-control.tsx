// The one control that sets a member's watch level on an episode, a claim or a thread (issue 18): a
// plain form (works before hydration) posting to /watch, which answers with a redirect back here.
import { Form, useLocation } from "@remix-run/react";
import { useId } from "react";
import { WATCH_LEVEL_CHOICES, WATCH_LEVEL_LABELS, type WatchLevelChoice } from "~/schemas/watch";
import { Button } from "./ui/button";
import { Select } from "./ui/input";

export function WatchControl({
  targetType,
  targetId,
  level,
  label,
  compact = false,
}: {
  targetType: "episode" | "claim" | "thread";
  targetId: number;
  level: WatchLevelChoice | null;
  /** What the control is about, read by screen readers and shown unless compact: "Notifications for this episode". */
  label: string;
  compact?: boolean;
}) {
  const id = useId();
  const location = useLocation();
  const current: WatchLevelChoice = level ?? "default";
  return (
    <Form method="post" action="/watch" preventScrollReset className="flex flex-wrap items-center gap-2 text-sm" data-watch-control={targetType}>
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}${location.hash}`} />
      <label htmlFor={id} className={compact ? "sr-only" : "font-medium text-stone-700 dark:text-stone-200"}>
        {label}
      </label>
      <Select id={id} name="level" defaultValue={current} key={current} className="w-auto py-1 text-sm">
        {WATCH_LEVEL_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {WATCH_LEVEL_LABELS[choice].label} — {WATCH_LEVEL_LABELS[choice].help}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" size="sm">
        {compact ? <span>Set<span className="sr-only"> {label.toLowerCase()}</span></span> : "Set"}
      </Button>
    </Form>
  );
}
