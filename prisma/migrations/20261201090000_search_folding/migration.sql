-- Search finds what readers type (issue 14): hyphens, quotes and accents fold, and a misspelt word can be
-- corrected from the archive's own vocabulary (app/models/search.server.ts, docs/api.md "Search").
-- No semicolon anywhere but at the end of a statement, comments included (see 20261122000000_full_text_search).

-- Both are "trusted" extensions: a database owner without superuser rights may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text as indexed and as searched: the typographic hyphens (U+2010 hyphen, U+2011 non-breaking hyphen,
-- U+2012 figure dash, U+2212 minus) read as "-", curly apostrophes as "'", a soft hyphen (U+00AD) is dropped.
-- "ISIS‑K" on the page (non-breaking hyphen) and "ISIS-K" typed are then the same word.
CREATE FUNCTION "footnote_search_text"(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT pg_catalog.translate($1, E'\u2010\u2011\u2012\u2212\u2019\u02bc\u2018\u00ad', E'----\'\'\'') $$;

-- English stemming with accents folded first: "Señor", "senor" and "SENOR" are one word.
CREATE TEXT SEARCH CONFIGURATION footnote (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION footnote
    ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart WITH unaccent, english_stem;

-- The archive's words as written (accents folded, no stemming): the vocabulary "did you mean" corrects against.
CREATE TEXT SEARCH CONFIGURATION footnote_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION footnote_words
    ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart WITH unaccent, simple;

-- The generated columns again, through the folding configuration and function.
DROP INDEX "Episode_searchVector_idx";
DROP INDEX "Section_searchVector_idx";
DROP INDEX "Comment_searchVector_idx";
DROP INDEX "Source_searchVector_idx";
ALTER TABLE "Episode" DROP COLUMN "searchVector";
ALTER TABLE "Section" DROP COLUMN "searchVector";
ALTER TABLE "Comment" DROP COLUMN "searchVector";
ALTER TABLE "Source" DROP COLUMN "searchVector";

ALTER TABLE "Episode" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"(coalesce("title", ''))), 'A') ||
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"(left(coalesce("summary", '') || ' ' || "footnote_immutable_array_to_string"("highlights", ' '), 200000))), 'B') ||
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"(left("footnote_immutable_array_to_string"("intro", ' ') || ' ' || coalesce("publication", '') || ' ' || coalesce("author", ''), 200000))), 'C')
) STORED;

ALTER TABLE "Section" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('footnote'::regconfig, "footnote_search_text"(left("plainText", 200000)))
) STORED;

ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('footnote'::regconfig, "footnote_search_text"(left("body", 200000)))
) STORED;

ALTER TABLE "Source" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"(coalesce("title", ''))), 'A') ||
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"("footnote_immutable_array_to_string"("authors", ' '))), 'B') ||
    setweight(to_tsvector('footnote'::regconfig, "footnote_search_text"(coalesce("outlet", '') || ' ' || coalesce("originalOutlet", '') || ' ' || coalesce("publisher", ''))), 'C')
) STORED;

CREATE INDEX "Episode_searchVector_idx" ON "Episode" USING GIN ("searchVector");
CREATE INDEX "Section_searchVector_idx" ON "Section" USING GIN ("searchVector");
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- The vocabulary: every word of three to forty letters in what any reader may find (titles, sections and
-- visible comments), with how many texts use it. Filled by refreshSearchTerms() in
-- app/models/search.server.ts whenever an episode's content version or the sources changed since the last
-- fill (a hidden comment's words leave it then). A table, not a materialized view: PostgreSQL 17 and later
-- refresh views under a fixed search_path, where ts_stat's query would not find the tables.
CREATE TABLE "SearchTerm" (
    "word" TEXT NOT NULL,
    "ndoc" INTEGER NOT NULL,
    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "SearchTerm_word_idx" ON "SearchTerm" USING GIN ("word" gin_trgm_ops);
