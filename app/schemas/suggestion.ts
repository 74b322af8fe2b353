import { z } from "zod";
import { ModerationReasonSchema } from "~/schemas/claim";
import { PageQuerySchema } from "~/schemas/pagination";

const SuggestionIdSchema = z.coerce
  .number({ error: "Reload the page: the form lacks the suggestion." })
  .int("Reload the page: the form lacks the suggestion.")
  .min(1, "Reload the page: the form lacks the suggestion.")
  .max(2_147_483_647, "Reload the page: the form lacks the suggestion.");

export const SuggestionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("promote-suggestion"), suggestionId: SuggestionIdSchema }),
  z.object({ intent: z.literal("discard-suggestion"), suggestionId: SuggestionIdSchema, reason: ModerationReasonSchema }),
]);
export type SuggestionAction = z.infer<typeof SuggestionActionSchema>;

export const SuggestionQuerySchema = PageQuerySchema.extend({
  episode: z.string().trim().max(200, "That episode is not known.").optional().transform((value) => value || undefined),
  day: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "The day must be a date such as 2026-11-30.")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, "The day must be a date such as 2026-11-30.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
