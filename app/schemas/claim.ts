// Forms and query strings of "citation required": flagging a claim, proposing a source, the moderation
// queue's decisions and filters, and the claims API. Shared by the routes and the episode page.
import { z } from "zod";
import { PageQuerySchema } from "~/schemas/pagination";
import { freeText, idSchema as int4IdSchema, MAX_INT4, withoutControls, xmlSafe } from "~/utils/input";

/** Where the flag form posts: the index route of /claims (`?index` tells Remix which of the two). */
export const FLAG_CLAIM_ACTION = "/claims?index";

export const CLAIM_STATES = ["open", "source_proposed", "sourced", "unsourced", "dismissed", "removed"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
/** States a moderator still has to decide; a flag on an overlapping span joins a claim in one of them. */
export const OPEN_STATES = ["open", "source_proposed"] as const satisfies readonly ClaimState[];
export const CLAIM_TARGET_TYPES = ["section", "comment"] as const;
export type ClaimTargetType = (typeof CLAIM_TARGET_TYPES)[number];
export const FLAG_REASONS = ["no_source", "source_does_not_support", "source_unreliable", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  no_source: "No source given",
  source_does_not_support: "The source does not support it",
  source_unreliable: "The source is unreliable",
  other: "Other",
};

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  open: "Open",
  source_proposed: "Source proposed",
  sourced: "Sourced",
  unsourced: "Unsourced",
  dismissed: "Dismissed",
  removed: "Removed",
};

export const EXACT_MAX_LENGTH = 1_000;
export const CONTEXT_MAX_LENGTH = 64;
export const NOTE_MAX_LENGTH = 500;
export const QUOTE_MAX_LENGTH = 2_000;
export const REASON_MAX_LENGTH = 500;
export const BULK_MAX = 100;

// A form submits "" for an untouched field: read it as absent.
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

const idSchema = int4IdSchema;

const ClaimIdSchema = idSchema("Choose a claim.");
const VersionSchema = z.coerce
  .number({ error: "Reload the page: the form lacks the claim's version." })
  .int("Reload the page: the form lacks the claim's version.")
  .positive("Reload the page: the form lacks the claim's version.")
  .max(MAX_INT4, "Reload the page: the form lacks the claim's version.");

/** Every moderator decision says why: the reason goes into the claim's public history and the moderation log. */
export const ModerationReasonSchema = freeText(
  z
    .string({ error: "Give a reason: it is shown in the claim's history and the moderation log." })
    .trim()
    .min(1, "Give a reason: it is shown in the claim's history and the moderation log.")
    .max(REASON_MAX_LENGTH, `A reason has at most ${REASON_MAX_LENGTH} characters.`),
);

const ContextSchema = z.preprocess(
  (value) => blankAsMissing(typeof value === "string" ? xmlSafe(value) : value),
  z.string().max(CONTEXT_MAX_LENGTH, `The text around the selection has at most ${CONTEXT_MAX_LENGTH} characters.`).optional(),
);

export const FlagClaimSchema = z
  .object({
    intent: z.literal("flag-claim"),
    targetType: z.enum(CLAIM_TARGET_TYPES, { error: "Flag text in a section or a comment." }),
    targetId: idSchema("Flag text in a section or a comment."),
    exact: z
      .string({ error: "Select the text you want to flag." })
      .transform((text) => xmlSafe(text).replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(1, "Select the text you want to flag.")
          .max(EXACT_MAX_LENGTH, `Select at most ${EXACT_MAX_LENGTH.toLocaleString("en")} characters: flag one claim at a time.`),
      ),
    prefix: ContextSchema,
    suffix: ContextSchema,
    start: z.preprocess(
      blankAsMissing,
      z.coerce
        .number({ error: "The selection's position must be a whole number." })
        .int("The selection's position must be a whole number.")
        .min(0, "The selection's position must be a whole number.")
        .max(MAX_INT4, "The selection's position must be a whole number.")
        .optional(),
    ),
    reason: z.enum(FLAG_REASONS, { error: "Choose why this needs a source." }),
    note: z.preprocess(
      (value) => blankAsMissing(typeof value === "string" ? xmlSafe(value) : value),
      z.string().trim().max(NOTE_MAX_LENGTH, `A note has at most ${NOTE_MAX_LENGTH} characters.`).optional(),
    ),
  })
  .superRefine((value, context) => {
    if (value.reason === "other" && !value.note) {
      context.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong with this claim." });
    }
  });
export type FlagClaimInput = z.infer<typeof FlagClaimSchema>;

const OptionalText = (max: number, label: string) =>
  z.preprocess((value) => blankAsMissing(typeof value === "string" ? xmlSafe(value) : value), z.string().trim().max(max, `${label} has at most ${max} characters.`).optional());

export const ProposeSourceSchema = z
  .object({
    intent: z.literal("propose-source"),
    claimId: ClaimIdSchema,
    sourceId: z.preprocess(blankAsMissing, idSchema("Choose a source from the library by its number.").optional()),
    url: z.preprocess(
      blankAsMissing,
      withoutControls(z.string().trim(), "An address")
        .max(2_000, "An address has at most 2,000 characters.")
        .refine((text) => {
          try {
            const url = new URL(text);
            return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
          } catch {
            return false;
          }
        }, "Enter the web address of the source, starting with http:// or https://.")
        .optional(),
    ),
    title: OptionalText(300, "A title"),
    /** Sent by the confirm button when the new source's address is already in the library. */
    confirmSourceId: z.preprocess(blankAsMissing, idSchema("Confirm a source of the library by its number.").optional()),
    outlet: OptionalText(200, "An outlet"),
    date: z.preprocess(
      blankAsMissing,
      z
        .string()
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the date as YYYY-MM-DD.", abort: true })
        .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "That date does not exist.")
        .optional(),
    ),
    quote: z
      .string({ error: "Quote the passage of the source that supports the claim." })
      .transform((text) => xmlSafe(text).replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(1, "Quote the passage of the source that supports the claim.")
          .max(QUOTE_MAX_LENGTH, `A quote has at most ${QUOTE_MAX_LENGTH.toLocaleString("en")} characters.`),
      ),
  })
  .superRefine((value, context) => {
    const typedNew = value.url !== undefined || value.title !== undefined || value.outlet !== undefined || value.date !== undefined;
    if (value.sourceId !== undefined && typedNew) {
      context.addIssue({ code: "custom", path: ["sourceId"], message: "Choose a source from the library or enter a new one, not both." });
    } else if (value.sourceId === undefined) {
      if (value.url === undefined) context.addIssue({ code: "custom", path: ["url"], message: "Choose a source from the library, or enter the new source's web address." });
      if (value.title === undefined) context.addIssue({ code: "custom", path: ["title"], message: "Enter the title of the new source." });
    }
  })
  .transform(({ intent, claimId, sourceId, url, title, outlet, date, confirmSourceId, quote }) => ({
    intent,
    claimId,
    quote,
    source:
      sourceId !== undefined
        ? ({ kind: "library", sourceId } as const)
        : ({ kind: "new", url: url!, title: title!, outlet: outlet ?? null, date: date ?? null, confirmSourceId } as const),
  }));
export type ProposeSourceInput = z.infer<typeof ProposeSourceSchema>;

export const DECISIONS = ["accept-source", "mark-unsourced", "dismiss", "hide-comment"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A moderator's decision on one claim from the queue; hiding applies to the comment the claim is on. */
export const ResolveClaimSchema = z
  .object({
    intent: z.literal("resolve-claim"),
    claimId: ClaimIdSchema,
    version: VersionSchema,
    decision: z.enum(DECISIONS, { error: "Choose a decision: accept a source, unsourced, dismiss or hide the comment." }),
    proposalId: z.preprocess(blankAsMissing, idSchema("Choose the proposed source to accept.").optional()),
    commentId: z.preprocess(blankAsMissing, idSchema("Only a claim on a comment can have its comment hidden.").optional()),
    reason: ModerationReasonSchema,
    /** Required to accept a source whose quote was not found in it (the model knows the check's result). */
    quoteReason: z.preprocess(
      (value) => blankAsMissing(typeof value === "string" ? xmlSafe(value).trim() : value),
      z.string().max(REASON_MAX_LENGTH, `A reason has at most ${REASON_MAX_LENGTH} characters.`).optional(),
    ),
  })
  .superRefine((value, context) => {
    if (value.decision === "accept-source" && value.proposalId === undefined) {
      context.addIssue({ code: "custom", path: ["proposalId"], message: "Choose the proposed source to accept." });
    }
    if (value.decision === "hide-comment" && value.commentId === undefined) {
      context.addIssue({ code: "custom", path: ["decision"], message: "Only a claim on a comment can have its comment hidden." });
    }
  });
export type ResolveClaimInput = z.infer<typeof ResolveClaimSchema>;

/** "I'm on it", and letting go of a claim one took. */
export const TakeClaimSchema = z.object({
  intent: z.enum(["take-claim", "release-claim"]),
  claimId: ClaimIdSchema,
});

export const BulkDismissSchema = z.object({
  intent: z.literal("bulk-dismiss"),
  claimIds: z
    .array(ClaimIdSchema, { error: "Select the claims to dismiss." })
    .min(1, "Select the claims to dismiss.")
    .max(BULK_MAX, `Dismiss at most ${BULK_MAX} claims at once.`)
    .transform((ids) => [...new Set(ids)]),
  reason: ModerationReasonSchema,
});
export type BulkDismissInput = z.infer<typeof BulkDismissSchema>;

const SlugSchema = z.preprocess(
  blankAsMissing,
  z
    .string()
    .trim()
    .max(300, "An episode address has at most 300 characters.")
    .regex(/^[a-z0-9-]+$/, "Name the episode by its address, such as ftr-863-….")
    .optional(),
);

/** `/moderation?episode=&state=&reason=&target=&page=` */
export const QueueFiltersSchema = PageQuerySchema.extend({
  episode: SlugSchema,
  state: z.preprocess(blankAsMissing, z.enum(OPEN_STATES, { error: "The queue holds open and source_proposed claims." }).optional()),
  reason: z.preprocess(blankAsMissing, z.enum(FLAG_REASONS, { error: `The reason must be one of: ${FLAG_REASONS.join(", ")}.` }).optional()),
  target: z.preprocess(blankAsMissing, z.enum(CLAIM_TARGET_TYPES, { error: "The target must be section or comment." }).optional()),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** `/moderation?tab=`: the queue, or the claims whose text was edited away. */
export const QueueTabSchema = z.object({
  tab: z.preprocess(blankAsMissing, z.enum(["queue", "orphans"], { error: "The tab must be queue or orphans." }).default("queue")),
});

/** `GET /api/claims?state=&episode=&page=` and the public list at /claims. */
export const ApiClaimsQuerySchema = PageQuerySchema.extend({
  state: z.preprocess(blankAsMissing, z.enum(CLAIM_STATES, { error: `The state must be one of: ${CLAIM_STATES.join(", ")}.` }).optional()),
  episode: SlugSchema,
});
export type ApiClaimsQuery = z.infer<typeof ApiClaimsQuerySchema>;

/** `/claims/:id`: a positive whole number that fits the database's integer ids. */
export const ClaimIdParamSchema = z
  .string({ error: "The claim id must be a whole number, such as /claims/12." })
  .regex(/^[1-9][0-9]{0,9}$/, "The claim id must be a whole number, such as /claims/12.")
  .transform(Number)
  .refine((id) => id <= MAX_INT4, `Claim ids are at most ${MAX_INT4}.`);
