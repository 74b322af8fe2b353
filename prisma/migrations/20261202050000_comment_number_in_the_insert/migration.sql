-- The next local number of an episode's comments (ADR 0034: #comment-L3), taken inside the statement
-- that inserts the comment, so that a reply is one statement and one round trip (ADR 0040).
--
-- Numbers are taken one at a time under the episode's comment lock, the advisory lock the import takes
-- too. The function is VOLATILE and written in SQL with two commands: the second one runs with a fresh
-- snapshot taken after the lock was granted, so it sees the comment the previous holder committed. (A
-- MAX() in the INSERT itself would read the statement's snapshot, taken before the wait.) The lock is
-- held until the inserting transaction commits, and the partial index
-- "Comment_episodeId_local_ordinal_idx" makes the MAX() one index probe.
--
-- No semicolon anywhere but at the end of a statement, comments included (see the migration
-- 20261130010000_episode_content_version): \073 is the semicolon inside the function's body.

CREATE FUNCTION "footnote_next_local_ordinal"(episode_id int) RETURNS int LANGUAGE sql VOLATILE AS E'
  SELECT pg_advisory_xact_lock(hashtext(''comments:'' || episode_id))\073
  SELECT COALESCE(MAX(ordinal), 0) + 1 FROM "Comment" WHERE "episodeId" = episode_id AND "originalOrdinal" IS NULL
';
