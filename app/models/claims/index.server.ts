// "Citation required": claims on a span of a section or comment, the flags that raise them, the sources
// proposed for them, and the moderators' decisions. Every state change is a ClaimEvent (the claim's
// public history) and, when a moderator makes it, a ModerationLog row, in the same transaction.
// This file is the claim model's public face: routes, scripts, tests and other models import it only.
//   flagging.server.ts        flagging a span; re-anchoring claims when their text changes
//   proposals.server.ts       proposing a source (from the library or a new one)
//   decisions.server.ts       taking, settling, bulk-dismissing; hiding a comment
//   queue.server.ts           the moderation queue and the orphans
//   reading.server.ts         one claim, the list and its JSON, an episode's claims feed
//   markers.server.ts         the inline markers of the episode page
//   moderation-log.server.ts  the moderation log: written by every moderator and admin action, read as a page
//   shared.server.ts          what these files share (internal)
export { ClaimError, ensurePermitted, MARKED_STATES, type ClaimActor, type ClaimViewer } from "./shared.server";
export { AmbiguousQuoteError, flagClaim, flagClaimIn, reanchorClaims, targetWhere, type ClaimTarget, type FlagClaimArgs } from "./flagging.server";
export { listEpisodeSources, proposeSource, SourceMatchError, type ClaimSource, type NewSource } from "./proposals.server";
export { bulkDismiss, hideComment, QuoteReasonRequiredError, releaseClaim, resolveClaim, takeClaim, type Resolution } from "./decisions.server";
export {
  countOrphans,
  listBrokenEvidence,
  listOrphans,
  listQueue,
  QUEUE_COUNT_CAP,
  QUEUE_PER_PAGE,
  type BrokenEvidence,
  type OrphanItem,
  type QueueFilterInput,
  type QueueItem,
} from "./queue.server";
export { CLAIMS_PER_PAGE, getClaim, listClaims, listClaimsApi, listEpisodeClaimEvents, type ClaimDetail } from "./reading.server";
export { getClaimMarkers, type ClaimMarker } from "./markers.server";
export {
  listModerationLog,
  LOG_PER_PAGE,
  logModeratorAction,
  type ModerationAction,
  type ModerationTargetType,
  type ModeratorActionInput,
} from "./moderation-log.server";
