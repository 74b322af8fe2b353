import { z } from "zod";

export const PageQuerySchema = z.object({
  page: z.coerce
    .number({ error: "The page must be a whole number." })
    .int("The page must be a whole number.")
    .min(1, "Pages start at 1.")
    .max(10_000, "The page must be at most 10000.")
    .default(1),
});

/** The first validation message, for a one-line 400 answer (one definition: app/utils/http.ts). */
export { firstIssueOf as firstIssue } from "~/utils/http";
