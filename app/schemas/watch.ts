import { z } from "zod";
import { idSchema } from "~/utils/input";

export type WatchLevelName = "watching" | "tracking" | "muted";
export const WATCH_LEVEL_CHOICES = ["watching", "tracking", "muted", "default"] as const;
export type WatchLevelChoice = (typeof WATCH_LEVEL_CHOICES)[number];

/** What each level means, for the controls and the settings page. */
export const WATCH_LEVEL_LABELS: Record<WatchLevelChoice, { label: string; help: string }> = {
  watching: { label: "Watching", help: "Every new comment, every change of state" },
  tracking: { label: "Tracking", help: "Only replies to you and mentions of you" },
  muted: { label: "Muted", help: "Nothing, not even replies" },
  default: { label: "Not set", help: "Tracking once you comment, else nothing" },
};

export const WatchFormSchema = z.object({
  targetType: z.enum(["episode", "claim", "thread"], { error: "Choose what to watch: an episode, a claim or a thread." }),
  targetId: idSchema("Choose what to watch."),
  level: z.enum(WATCH_LEVEL_CHOICES, { error: "Choose watching, tracking or muted." }),
  redirectTo: z.string({ error: "The page to return to must be an address on this site." }).max(2000, "The page to return to has at most 2,000 characters.").optional(),
});

export const NotificationSettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("email-delivery"), emailDelivery: z.enum(["none", "immediate", "daily"], { error: "Choose how often mail may come." }) }),
  z.object({ intent: z.literal("send-verification") }),
  z.object({ intent: z.literal("rotate-feed") }),
  z.object({ intent: z.literal("revoke-feed") }),
], { error: "Choose what to change: how often mail comes, a verification link, or the private feed's address." });

export const MentionQuerySchema = z.object({
  episode: z.string({ error: "Name the episode." }).min(1, "Name the episode.").max(200, "An episode address has at most 200 characters."),
  thread: idSchema("Name the thread by one of its comments.").optional(),
  q: z.string().max(32, "A username has at most 32 characters.").regex(/^[A-Za-z0-9_.-]*$/, "A username has only letters, digits and _ - .").default(""),
});
