// The moderation log in plain words: each recorded action becomes one sentence, with links to what it was
// about. Pure: the model looks up the names and places (moderation-log.server.ts) and hands them in.
import { commentLabel, commentPermalink } from "~/utils/comment-anchor";

/** A piece of a sentence: words, or words that link somewhere. */
export type LogPart = { text: string; href?: string };

export type LogEpisode = { slug: string; title: string };

/** What the sentences need to know besides the entry itself. */
export type LogLookups = {
  users: Map<number, string>;
  authors: Map<number, string>;
  /** A claim's episode and where in it the claim is ("section 17", "comment #L3"). */
  claims: Map<number, { episode: LogEpisode; place: { label: string; href: string } }>;
  /** A suggestion's episode and the sentence it was about (suggestions are shown to staff only). */
  suggestions: Map<number, { episode: LogEpisode; exact: string }>;
  /** Episode titles by slug, for entries that recorded only the slug. */
  episodes: Map<string, string>;
};

export type LogEntryFacts = {
  action: string;
  targetType: string;
  targetId: string;
  details: unknown;
  /** Who acted, as this reader may know it: a username, "a moderator", "an admin", "the system". */
  actor: string;
};

const ROLE_WORDS: Record<string, string> = { member: "a member", moderator: "a moderator", admin: "an admin" };

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function excerpt(text: string, max = 80) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The sentence of one log entry: "A moderator dismissed claim #12 in section 17 of “FTR #863…”." */
export function logSentence(entry: LogEntryFacts, lookups: LogLookups): LogPart[] {
  const details = (entry.details && typeof entry.details === "object" ? entry.details : {}) as Record<string, unknown>;
  const id = Number(entry.targetId);
  // "A moderator", "An admin", "The system" open the sentence; a username is written as it is.
  const parts: LogPart[] = [{ text: `${entry.actor.includes(" ") ? capitalise(entry.actor) : entry.actor} ` }];
  const say = (...more: (LogPart | string | null | false)[]) => {
    for (const part of more) if (part) parts.push(typeof part === "string" ? { text: part } : part);
  };
  const episodeLink = (episode: LogEpisode): LogPart => ({ text: `“${episode.title}”`, href: `/episodes/${episode.slug}` });
  const userLink = (userId: number, fallback?: unknown): LogPart => {
    const name = lookups.users.get(userId) ?? (typeof fallback === "string" ? fallback : null);
    return name ? { text: name, href: `/users/${encodeURIComponent(name)}` } : { text: "a deleted account" };
  };
  const claimWhere = (claimId: number): (LogPart | string)[] => {
    const claim = lookups.claims.get(claimId);
    if (!claim) return [];
    return [" in ", { text: claim.place.label, href: claim.place.href }, " of ", episodeLink(claim.episode)];
  };
  const claim = (claimId: number): LogPart => ({ text: `claim #${claimId}`, href: `/claims/${claimId}` });

  switch (entry.action) {
    case "claim.sourced":
      say("accepted a source for ", claim(id), ...claimWhere(id));
      break;
    case "claim.unsourced":
      say("marked ", claim(id), ...claimWhere(id), " as unsourced: no source supports it");
      break;
    case "claim.dismissed":
      say("dismissed ", claim(id), ...claimWhere(id), details.bulk ? ", with other claims at once" : null);
      break;
    case "claim.taken":
      say("took ", claim(id), ...claimWhere(id), " to work on it");
      break;
    case "claim.released":
      say("let go of ", claim(id), ...claimWhere(id), ", for another moderator to take");
      break;
    case "comment.hidden": {
      // Entries before ADR 0034 name the comment by its number alone; `?c=` still finds it.
      const anchor = typeof details.anchor === "string" ? details.anchor : typeof details.ordinal === "number" ? String(details.ordinal) : null;
      const slug = typeof details.episode === "string" ? details.episode : null;
      const title = slug ? lookups.episodes.get(slug) : undefined;
      const removed = Array.isArray(details.removedClaimIds) ? details.removedClaimIds.length : 0;
      say(
        "hid ",
        anchor && slug ? { text: `comment ${commentLabel(anchor)}`, href: commentPermalink(slug, anchor) } : "a comment",
        slug && title ? " on " : null,
        slug && title ? episodeLink({ slug, title }) : null,
        " from readers",
        removed === 1 ? "; its claim was removed" : removed > 1 ? `; its ${removed} claims were removed` : null,
      );
      break;
    }
    case "suggestion.discarded":
    case "suggestion.promoted": {
      const suggestion = lookups.suggestions.get(id);
      const promoted = entry.action === "suggestion.promoted";
      say(promoted ? "turned " : "discarded ", `suggestion #${id}`);
      if (suggestion) say(` (“${excerpt(suggestion.exact)}”) on `, episodeLink(suggestion.episode));
      if (promoted && typeof details.claimId === "number") say(details.joined ? ", adding a flag to " : " into ", claim(details.claimId));
      break;
    }
    case "user.role_changed":
      say("made ", userLink(id), ` ${ROLE_WORDS[String(details.to)] ?? String(details.to)}`, details.from ? ` (was ${ROLE_WORDS[String(details.from)] ?? String(details.from)})` : null);
      break;
    case "user.suspended":
      say("suspended ", userLink(id), typeof details.sessionsEnded === "number" && details.sessionsEnded > 0 ? " and signed them out everywhere" : null);
      break;
    case "user.unsuspended":
      say("lifted the suspension of ", userLink(id));
      break;
    case "author.linked":
    case "author.unlinked": {
      const name = lookups.authors.get(id) ?? (typeof details.name === "string" ? details.name : `#${id}`);
      const account = typeof details.userId === "number" ? userLink(details.userId, details.username) : null;
      if (entry.action === "author.linked") say(`linked the imported author ${name} to the account `, account ?? "of a member");
      else say(`unlinked the imported author ${name}`, account ? " from the account " : null, account);
      break;
    }
    default: {
      // An action this presenter does not know yet still reads as words, never as a raw event name.
      const [subject = "item", verb = "changed"] = entry.action.split(".");
      say(`${verb.replace(/_/g, " ")} ${entry.targetType.replace(/_/g, " ")} #${entry.targetId}`, subject && !entry.targetType.startsWith(subject) ? ` (${subject.replace(/_/g, " ")})` : null);
    }
  }
  parts.push({ text: "." });
  return merge(parts);
}

/** Adjacent plain words joined, so a sentence is as few pieces as its links allow. */
function merge(parts: LogPart[]) {
  const merged: LogPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && !last.href && !part.href) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The sentence as plain text (for a title, a feed or a test). */
export function logText(parts: LogPart[]) {
  return parts.map((part) => part.text).join("");
}
