-- An episode's search vector is kept by a trigger that runs only when the text it is made of changes, no
-- longer as a generated column. PostgreSQL computes a stored generated column again on every UPDATE of
-- its row, whatever changed: every content-version bump (each comment, claim and suggestion, ADR 0037)
-- ran to_tsvector over the whole episode (up to 400 KB), stored the result anew, and so could never be a
-- HOT update: it added every word of the episode to the GIN index again. That was 7 ms of PostgreSQL per
-- bump at FTR #863, inside the commit of every reply, and an index that grew with every comment.
-- Now a bump changes one unindexed number and keeps the vector's stored value: a HOT update.
-- No semicolon anywhere but at the end of a statement, comments included (see 20261122000000_full_text_search).

ALTER TABLE "Episode" ALTER COLUMN "searchVector" DROP EXPRESSION;

-- The same expression as the generated column of 20261201090000_search_folding.
CREATE FUNCTION "footnote_episode_search_vector"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(''footnote''::regconfig, "footnote_search_text"(coalesce(NEW."title", ''''))), ''A'') ||
    setweight(to_tsvector(''footnote''::regconfig, "footnote_search_text"(left(coalesce(NEW."summary", '''') || '' '' || "footnote_immutable_array_to_string"(NEW."highlights", '' ''), 200000))), ''B'') ||
    setweight(to_tsvector(''footnote''::regconfig, "footnote_search_text"(left("footnote_immutable_array_to_string"(NEW."intro", '' '') || '' '' || coalesce(NEW."publication", '''') || '' '' || coalesce(NEW."author", ''''), 200000))), ''C'')\073
  RETURN NEW\073
END';

CREATE TRIGGER "Episode_search_vector" BEFORE INSERT OR UPDATE OF "title", "summary", "highlights", "intro", "publication", "author" ON "Episode"
  FOR EACH ROW EXECUTE FUNCTION "footnote_episode_search_vector"();

-- A bump leaves the old row version on its page until it is pruned: room for the new one beside it keeps
-- the update HOT (the table holds one row per episode).
ALTER TABLE "Episode" SET (fillfactor = 50);
