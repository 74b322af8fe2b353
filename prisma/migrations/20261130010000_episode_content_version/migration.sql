-- The content version of an episode page (docs/performance.md, ADR 0006): one number per episode that
-- changes in the same transaction as any write that changes what the page shows. Triggers do it, so that
-- no writer (the app, an import, a script, a hand-run UPDATE) can forget to.
-- Versions are drawn from one sequence: a number is never reused, even by an episode deleted and
-- imported again under the same address, or after the tables are emptied.
--
-- No semicolon anywhere but at the end of a statement, comments included: the pg driver adapter that
-- runs migrations here splits the script on every semicolon. The PL/pgSQL bodies below are therefore
-- escape strings (E'…') in which \073 is the semicolon that ends each PL/pgSQL statement.

CREATE SEQUENCE "Episode_contentVersion_seq" AS bigint;

ALTER TABLE "Episode" ADD COLUMN "contentVersion" BIGINT NOT NULL DEFAULT nextval('"Episode_contentVersion_seq"');

-- The sequence is deliberately not OWNED BY the column: TRUNCATE … RESTART IDENTITY (the tests empty
-- every table that way between tests) must not restart it, or a new episode at an old address could
-- meet a page cached under the same version.

-- Claims on comments become public when their grace period ends (CLAIM_GRACE_MINUTES): the page
-- version includes the first claim still in its grace period, found through this index.
CREATE INDEX "Claim_episodeId_createdAt_idx" ON "Claim"("episodeId", "createdAt");

-- An update of the episode row itself (title, sections' order, counts…) is a new version, unless it is the bump.
CREATE FUNCTION "footnote_episode_touched"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."contentVersion" = OLD."contentVersion" THEN
    NEW."contentVersion" := nextval(''"Episode_contentVersion_seq"'')\073
  END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER "Episode_content_version" BEFORE UPDATE ON "Episode"
  FOR EACH ROW EXECUTE FUNCTION "footnote_episode_touched"();

-- Program references ("FTR #842") link to the programs in the archive: a program added, removed or
-- renumbered changes the pages that mention it. Rare (imports), so every page gets a new version.
CREATE FUNCTION "footnote_bump_all_episodes"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Episode" SET "contentVersion" = nextval(''"Episode_contentVersion_seq"'')\073
  RETURN NULL\073
END';

CREATE TRIGGER "Episode_added_or_removed" AFTER INSERT OR DELETE ON "Episode"
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_all_episodes"();

CREATE TRIGGER "Episode_renumbered" AFTER UPDATE OF "number", "slug" ON "Episode"
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_all_episodes"();

-- Rows that carry their episode's id: one bump per statement and episode, from the transition tables.
-- TG_ARGV[0] is the SQL that maps the changed rows (named "changed") to episode ids.
CREATE FUNCTION "footnote_bump_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE format(''UPDATE "Episode" SET "contentVersion" = nextval(''''"Episode_contentVersion_seq"'''') WHERE id IN (%s)'', TG_ARGV[0])\073
  RETURN NULL\073
END';

-- For UPDATE both the old and the new rows count (a row may move, a suggestion may change episode).
CREATE FUNCTION "footnote_bump_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE format(''UPDATE "Episode" SET "contentVersion" = nextval(''''"Episode_contentVersion_seq"'''') WHERE id IN (%s) OR id IN (%s)'', TG_ARGV[0], replace(TG_ARGV[0], ''changed'', ''previous''))\073
  RETURN NULL\073
END';

-- Section, Comment, Claim, ClaimSuggestion: "episodeId" on the row.
CREATE TRIGGER "Section_inserted" AFTER INSERT ON "Section" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Section_updated" AFTER UPDATE ON "Section" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Section_deleted" AFTER DELETE ON "Section" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');

CREATE TRIGGER "Comment_inserted" AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Comment_updated" AFTER UPDATE ON "Comment" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Comment_deleted" AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');

CREATE TRIGGER "Claim_inserted" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Claim_updated" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "Claim_deleted" AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');

CREATE TRIGGER "ClaimSuggestion_inserted" AFTER INSERT ON "ClaimSuggestion" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "ClaimSuggestion_updated" AFTER UPDATE ON "ClaimSuggestion" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT "episodeId" FROM changed');
CREATE TRIGGER "ClaimSuggestion_deleted" AFTER DELETE ON "ClaimSuggestion" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT "episodeId" FROM changed');

-- Claim events (the claims feed, the history on the claim page): through their claim.
CREATE TRIGGER "ClaimEvent_inserted" AFTER INSERT ON "ClaimEvent" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT c."episodeId" FROM "Claim" c WHERE c.id IN (SELECT "claimId" FROM changed)');

-- Citations: through their section or comment.
CREATE TRIGGER "Citation_inserted" AFTER INSERT ON "Citation" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT s."episodeId" FROM "Section" s WHERE s.id IN (SELECT "sectionId" FROM changed) UNION SELECT m."episodeId" FROM "Comment" m WHERE m.id IN (SELECT "commentId" FROM changed)');
CREATE TRIGGER "Citation_updated" AFTER UPDATE ON "Citation" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT s."episodeId" FROM "Section" s WHERE s.id IN (SELECT "sectionId" FROM changed) UNION SELECT m."episodeId" FROM "Comment" m WHERE m.id IN (SELECT "commentId" FROM changed)');
CREATE TRIGGER "Citation_deleted" AFTER DELETE ON "Citation" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_changed"('SELECT s."episodeId" FROM "Section" s WHERE s.id IN (SELECT "sectionId" FROM changed) UNION SELECT m."episodeId" FROM "Comment" m WHERE m.id IN (SELECT "commentId" FROM changed)');

-- A source's fields are printed wherever it is cited.
CREATE TRIGGER "Source_updated" AFTER UPDATE ON "Source" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT s."episodeId" FROM "Citation" t JOIN "Section" s ON s.id = t."sectionId" WHERE t."sourceId" IN (SELECT id FROM changed) UNION SELECT m."episodeId" FROM "Citation" t JOIN "Comment" m ON m.id = t."commentId" WHERE t."sourceId" IN (SELECT id FROM changed)');

-- Author names: an imported author linked to an account (or renamed), an account renamed.
CREATE TRIGGER "ImportedAuthor_updated" AFTER UPDATE ON "ImportedAuthor" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT m."episodeId" FROM "Comment" m WHERE m."importedAuthorId" IN (SELECT id FROM changed)');
CREATE TRIGGER "User_updated" AFTER UPDATE ON "User" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "footnote_bump_updated"('SELECT m."episodeId" FROM "Comment" m WHERE m."authorId" IN (SELECT id FROM changed c WHERE c.username IS DISTINCT FROM (SELECT p.username FROM previous p WHERE p.id = c.id)) UNION SELECT m."episodeId" FROM "Comment" m JOIN "ImportedAuthor" a ON a.id = m."importedAuthorId" WHERE a."linkedUserId" IN (SELECT id FROM changed c WHERE c.username IS DISTINCT FROM (SELECT p.username FROM previous p WHERE p.id = c.id))');
