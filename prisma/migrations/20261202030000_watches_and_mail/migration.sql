-- Watching episodes, claims and comment threads, notifications grouped per episode, and e-mail
-- (issue 18, ADR 0035). No semicolon anywhere but at the end of a statement, comments included
-- (see the migration 20261130010000_episode_content_version): \073 is the semicolon inside PL/pgSQL.

CREATE TYPE "WatchLevel" AS ENUM ('watching', 'tracking', 'muted');
CREATE TYPE "EmailDelivery" AS ENUM ('none', 'immediate', 'daily');

-- One member's level on one episode, one claim or one thread (its top-level comment): exactly one target.
CREATE TABLE "Watch" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "episodeId" INTEGER,
    "claimId" INTEGER,
    "commentId" INTEGER,
    "level" "WatchLevel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Watch_one_target" CHECK (num_nonnulls("episodeId", "claimId", "commentId") = 1)
);
CREATE UNIQUE INDEX "Watch_userId_episodeId_key" ON "Watch"("userId", "episodeId");
CREATE UNIQUE INDEX "Watch_userId_claimId_key" ON "Watch"("userId", "claimId");
CREATE UNIQUE INDEX "Watch_userId_commentId_key" ON "Watch"("userId", "commentId");
CREATE INDEX "Watch_episodeId_level_idx" ON "Watch"("episodeId", "level");
CREATE INDEX "Watch_claimId_level_idx" ON "Watch"("claimId", "level");
CREATE INDEX "Watch_commentId_level_idx" ON "Watch"("commentId", "level");
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A member's mail and feed choices, a member without a row has the defaults.
CREATE TABLE "NotificationSettings" (
    "userId" INTEGER NOT NULL,
    "emailDelivery" "EmailDelivery" NOT NULL DEFAULT 'daily',
    "verifiedEmail" TEXT,
    "feedToken" TEXT,
    "unsubscribeToken" TEXT NOT NULL,
    "verifyToken" TEXT,
    "verifyEmail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);
CREATE UNIQUE INDEX "NotificationSettings_feedToken_key" ON "NotificationSettings"("feedToken");
CREATE UNIQUE INDEX "NotificationSettings_unsubscribeToken_key" ON "NotificationSettings"("unsubscribeToken");
CREATE UNIQUE INDEX "NotificationSettings_verifyToken_key" ON "NotificationSettings"("verifyToken");
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every mail Footnote writes, sent or caught: the record that makes a send happen at most once.
CREATE TABLE "Mail" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "transport" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Mail_idempotencyKey_key" ON "Mail"("idempotencyKey");
CREATE INDEX "Mail_createdAt_idx" ON "Mail"("createdAt");
CREATE INDEX "Mail_userId_idx" ON "Mail"("userId");
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- New comments on an episode gather in one unread, unmailed notification per member ("5 new comments").
ALTER TABLE "Notification" ADD COLUMN "episodeId" INTEGER,
    ADD COLUMN "count" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "emailedAt" TIMESTAMP(3);
CREATE INDEX "Notification_episodeId_idx" ON "Notification"("episodeId");
CREATE INDEX "Notification_userId_emailedAt_idx" ON "Notification"("userId") WHERE "emailedAt" IS NULL;
CREATE UNIQUE INDEX "Notification_new_comments_group" ON "Notification"("userId", "episodeId")
    WHERE "kind" = 'new-comments' AND "readAt" IS NULL AND "emailedAt" IS NULL;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change of a claim's state passes through a ClaimEvent (app/models/claims): the watchers of the
-- claim are told by a job queued in the transaction that wrote it, so no writer can forget them.
CREATE FUNCTION "footnote_claim_event_watchers"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."fromState" IS DISTINCT FROM NEW."toState" THEN
    PERFORM graphile_worker.add_job(''notify-claim-event'', json_build_object(''eventId'', NEW.id), job_key => ''notify-claim-event:'' || NEW.id)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "ClaimEvent_watchers" AFTER INSERT ON "ClaimEvent"
  FOR EACH ROW EXECUTE FUNCTION "footnote_claim_event_watchers"();
