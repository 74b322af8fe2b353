-- The content version of an episode (ADR 0006) is bumped when the writing transaction commits, not at its
-- first write (ADR 0037). The bump is an UPDATE of the Episode row, and a row stays locked until its
-- transaction ends: bumped at the first write, the row of a busy episode was held across every later
-- statement of the transaction and every round trip to an app process between them, so all the writes of
-- one episode queued behind each other (under load, replies waited past the 10 s statement timeout).
-- Deferred to the commit, the row is held only while the transaction commits.
--
-- The tables written by members and moderators at their pace — Comment, Claim, ClaimEvent,
-- ClaimSuggestion — get deferred row triggers, which bump each episode once per transaction (a
-- transaction-local setting remembers which ones it bumped). The rarer writers (imports of sections,
-- citations, sources, renamed authors and users) keep their statement triggers.
--
-- No semicolon anywhere but at the end of a statement, comments included (see the migration
-- 20261130010000_episode_content_version): \073 is the semicolon inside the PL/pgSQL body.

CREATE FUNCTION "footnote_bump_at_commit"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  episode_ids int[] := ''{}''\073
  bumped text := coalesce(current_setting(''footnote.bumped_episodes'', true), '''')\073
  episode_id int\073
BEGIN
  IF TG_TABLE_NAME = ''ClaimEvent'' THEN
    SELECT array_agg(c."episodeId") INTO episode_ids FROM "Claim" c WHERE c.id = NEW."claimId"\073
  ELSE
    IF TG_OP <> ''DELETE'' THEN episode_ids := episode_ids || NEW."episodeId"\073 END IF\073
    IF TG_OP <> ''INSERT'' THEN episode_ids := episode_ids || OLD."episodeId"\073 END IF\073
  END IF\073
  FOREACH episode_id IN ARRAY coalesce(episode_ids, ''{}'') LOOP
    IF episode_id IS NOT NULL AND position(('','' || episode_id || '','') IN bumped) = 0 THEN
      UPDATE "Episode" SET "contentVersion" = nextval(''"Episode_contentVersion_seq"'') WHERE "Episode".id = episode_id\073
      bumped := bumped || '','' || episode_id || '',''\073
      PERFORM set_config(''footnote.bumped_episodes'', bumped, true)\073
    END IF\073
  END LOOP\073
  RETURN NULL\073
END';

DROP TRIGGER "Comment_inserted" ON "Comment";
DROP TRIGGER "Comment_updated" ON "Comment";
DROP TRIGGER "Comment_deleted" ON "Comment";
DROP TRIGGER "Claim_inserted" ON "Claim";
DROP TRIGGER "Claim_updated" ON "Claim";
DROP TRIGGER "Claim_deleted" ON "Claim";
DROP TRIGGER "ClaimSuggestion_inserted" ON "ClaimSuggestion";
DROP TRIGGER "ClaimSuggestion_updated" ON "ClaimSuggestion";
DROP TRIGGER "ClaimSuggestion_deleted" ON "ClaimSuggestion";
DROP TRIGGER "ClaimEvent_inserted" ON "ClaimEvent";

CREATE CONSTRAINT TRIGGER "Comment_changed" AFTER INSERT OR UPDATE OR DELETE ON "Comment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "footnote_bump_at_commit"();
CREATE CONSTRAINT TRIGGER "Claim_changed" AFTER INSERT OR UPDATE OR DELETE ON "Claim"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "footnote_bump_at_commit"();
CREATE CONSTRAINT TRIGGER "ClaimSuggestion_changed" AFTER INSERT OR UPDATE OR DELETE ON "ClaimSuggestion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "footnote_bump_at_commit"();
CREATE CONSTRAINT TRIGGER "ClaimEvent_inserted" AFTER INSERT ON "ClaimEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "footnote_bump_at_commit"();
