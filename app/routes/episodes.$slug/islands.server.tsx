// The static islands of an episode page (ADR 0038; components/ui/island.tsx): each section's text and each
// comment's, rendered to HTML here once per content version and per set of claim markers shown in it, and
// kept (utils/page-cache.server.ts). A signed-in page reuses them as an anonymous one does: only a reader
// whose markers differ (a claim of their own in its grace period, a moderator's view) has some made anew.
import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { Blocks } from "~/components/episode/blocks";
import { CommentBody } from "~/components/episode/comment-body";
import type { ClaimMarkData, ProgramSlugs } from "~/components/episode/types";
import type { PageComment, ResolvedBlock } from "~/models/episode.server";
import { episodeIslands } from "~/utils/page-cache.server";
import { presentBlocks, presentCommentBody } from "./present";
import type { EpisodeVersion } from "./shared.server";

/** The HTML of a page's islands by key: put in the document once, or sent with a data response. */
export type IslandHtml = Record<string, string>;

/** The markers drawn in a text, as a key part: two readers who are shown the same ones share the island. */
function markersKey(marks: readonly ClaimMarkData[]) {
  return marks.map((mark) => `${mark.claimId}:${mark.start}-${mark.end}:${mark.state}:${mark.flaggerCount}:${mark.acceptedSourceId ?? ""}`).join(",");
}

/** Collects the islands one page shows, rendering those not yet kept at this version. */
export class PageIslands {
  readonly html: IslandHtml = {};

  constructor(
    private readonly slug: string,
    private readonly version: EpisodeVersion,
  ) {}

  /** A section's text with its claims marked; the key of its island. */
  section(section: { id: number; blocks: readonly ResolvedBlock[] }, marks: readonly ClaimMarkData[], programSlugs: ProgramSlugs) {
    return this.island(`s${section.id}`, markersKey(marks), () =>
      renderToStaticMarkup(<Blocks blocks={presentBlocks(section.blocks)} programSlugs={programSlugs} marks={marks} />),
    );
  }

  /** A comment's text as this reader may read it, with its claims marked; "" when there is none to show. */
  comment(comment: PageComment, marks: ClaimMarkData[], programSlugs: ProgramSlugs) {
    const readable = comment.markdown !== null || comment.blocks.length > 0;
    return this.island(`c${comment.id}`, `${readable ? "text" : "none"}|${markersKey(marks)}`, () => {
      const body = presentCommentBody(comment, marks);
      return body ? renderToStaticMarkup(<CommentBody body={body} programSlugs={programSlugs} />) : null;
    });
  }

  private island(target: string, variant: string, render: () => string | null) {
    const cacheKey = `${this.slug}|${target}|${variant}`;
    let kept = episodeIslands.get(cacheKey, this.version.key);
    if (!kept) {
      const html = render();
      // The key is drawn from the HTML itself: a browser that holds a key holds exactly this HTML.
      kept = html === null ? { key: "", html: "" } : { key: `${target}-${createHash("sha256").update(html).digest("base64url").slice(0, 16)}`, html };
      episodeIslands.set(cacheKey, this.version.key, kept);
    }
    if (kept.key) this.html[kept.key] = kept.html;
    return kept.key;
  }
}
