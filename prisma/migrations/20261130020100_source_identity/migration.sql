-- Sources get an identity a title cannot hijack (issue 10, ADR 0008): a book by its ISBN, else by title +
-- authors + year, any other source with an address by its normalised URL, without one by title + outlet
-- + date. These functions are the SQL twin of sourceKey() in app/import/sources.ts: both use only
-- explicit ASCII sets, so they agree on every input (tests/integration/source-identity-sql.test.ts).
-- No semicolon anywhere but at the end of a statement (ADR 0001): chr(59) stands for it in the set.

CREATE FUNCTION "footnote_identity_text"(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT CASE WHEN folded = '' THEN btrim(regexp_replace(t, '[ ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ']+', ' ', 'g'), ' ') ELSE folded END
  FROM (
    SELECT btrim(regexp_replace(
      translate(
        translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
        '!"#$%&''()*+,-./:' || chr(59) || '<=>?@[\]^_`{|}~‘’“”„«»–—…·' || chr(160),
        repeat(' ', 44)),
      '[ ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ']+', ' ', 'g'), ' ') AS folded
  ) AS x
$fn$;

CREATE FUNCTION "footnote_normalize_url"(u text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT regexp_replace(
    translate(substring(v FROM '^[^/?]*'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') || coalesce(substring(v FROM '^[^/?]*(.*)$'), ''),
    '/+$', '')
  FROM (
    SELECT regexp_replace(regexp_replace(regexp_replace(
      btrim(u, ' ' || chr(9) || chr(10) || chr(13)), '#.*$', ''), '^[hH][tT][tT][pP][sS]?://', ''), '^[wW][wW][wW]\.', '') AS v
  ) AS x
$fn$;

CREATE FUNCTION "footnote_source_identity"(p_kind text, p_title text, p_authors text[], p_outlet text, p_date date, p_year integer, p_isbn text, p_url text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT CASE
    WHEN p_kind = 'book' AND coalesce(p_isbn, '') <> '' THEN 'isbn:' || p_isbn
    WHEN coalesce(p_url, '') <> '' THEN 'url:' || "footnote_normalize_url"(p_url)
    WHEN p_kind = 'book' THEN 'book:' || "footnote_identity_text"(p_title) || '|'
      || coalesce((SELECT string_agg("footnote_identity_text"(a.name), ' & ' ORDER BY a.position) FROM unnest(p_authors) WITH ORDINALITY AS a(name, position)), '')
      || '|' || coalesce(p_year::text, '')
    ELSE 'text:' || "footnote_identity_text"(p_title) || '|' || "footnote_identity_text"(coalesce(p_outlet, '')) || '|'
      || coalesce(to_char(p_date, 'YYYY-MM-DD'), p_year::text, '')
  END
$fn$;

-- Re-key every source. Sources the old key had merged stay merged (their rows are one source already).
-- Two rows that now share an identity are both kept: the older takes it, the other its id after "#".
UPDATE "Source" SET "key" = 'rekeying:' || id;

UPDATE "Source" s SET "key" = r.identity || CASE WHEN r.rank > 1 THEN '#' || s.id ELSE '' END
FROM (
  SELECT id, identity, row_number() OVER (PARTITION BY identity ORDER BY id) AS rank
  FROM (SELECT id, "footnote_source_identity"(kind::text, title, authors, outlet, date, year, isbn, url) AS identity FROM "Source") AS keyed
) AS r
WHERE r.id = s.id;
