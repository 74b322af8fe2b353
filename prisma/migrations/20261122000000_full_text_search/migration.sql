-- Full-text search (app/models/search.server.ts): one generated tsvector per searchable table, GIN-indexed.
-- Written by hand: Prisma cannot express generated columns, so schema.prisma declares them
-- `Unsupported("tsvector")? @default(dbgenerated())` and Prisma never writes them. Valid on PostgreSQL 15 and later.
-- No semicolon anywhere but at the end of a statement, comments included: the pg driver adapter
-- that runs migrations here splits the script on every semicolon.

-- array_to_string is only STABLE (it calls the element type's output function), which a generated
-- column refuses. For text[] the result cannot change, so this wrapper may honestly say IMMUTABLE.
CREATE FUNCTION "footnote_immutable_array_to_string"(text[], text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(pg_catalog.array_to_string($1, $2), '') $$;

-- Long texts are indexed up to their first 200,000 characters: PostgreSQL refuses a tsvector over
-- 1 MB, and that error would otherwise fail the insert of the whole row (an import, a comment).

-- Weights: A the title, B the summary and highlights, C intro and byline.
ALTER TABLE "Episode" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, left(coalesce("summary", '') || ' ' || "footnote_immutable_array_to_string"("highlights", ' '), 200000)), 'B') ||
    setweight(to_tsvector('english'::regconfig, left("footnote_immutable_array_to_string"("intro", ' ') || ' ' || coalesce("publication", '') || ' ' || coalesce("author", ''), 200000)), 'C')
) STORED;

ALTER TABLE "Section" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, left("plainText", 200000))
) STORED;

-- Every comment is indexed: which statuses a reader may find is decided by the query.
ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, left("body", 200000))
) STORED;

-- Weights: A the title, B the authors, C outlet, original outlet and publisher.
ALTER TABLE "Source" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, "footnote_immutable_array_to_string"("authors", ' ')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce("outlet", '') || ' ' || coalesce("originalOutlet", '') || ' ' || coalesce("publisher", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Episode_searchVector_idx" ON "Episode" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Section_searchVector_idx" ON "Section" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");
