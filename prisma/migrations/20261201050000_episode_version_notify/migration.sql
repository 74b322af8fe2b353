-- Every app process keeps the content versions of the episodes it serves in memory (ADR 0022). When a
-- version changes, PostgreSQL tells them all: a NOTIFY on the channel "footnote_episode_version" whose
-- payload is the episode's address (slug), sent when the writing transaction commits (never for one
-- that rolls back). Every bump of a version passes through an UPDATE of the Episode row (ADR 0006), so
-- one trigger on that row covers them all, and an episode added, renamed or deleted names its old and
-- new address. Notifications with the same payload in one transaction are delivered once.
--
-- No semicolon anywhere but at the end of a statement, comments included (see the migration
-- 20261130010000_episode_content_version): \073 is the semicolon inside the PL/pgSQL body.

CREATE FUNCTION "footnote_episode_version_notify"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' OR (TG_OP = ''UPDATE'' AND (NEW.slug IS DISTINCT FROM OLD.slug OR NEW."contentVersion" IS DISTINCT FROM OLD."contentVersion")) THEN
    PERFORM pg_notify(''footnote_episode_version'', OLD.slug)\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW.slug IS DISTINCT FROM OLD.slug) THEN
    PERFORM pg_notify(''footnote_episode_version'', NEW.slug)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "Episode_version_notify" AFTER INSERT OR UPDATE OR DELETE ON "Episode"
  FOR EACH ROW EXECUTE FUNCTION "footnote_episode_version_notify"();
