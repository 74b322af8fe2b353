-- A "new comments" notification is written once, by the first comment its member has not seen, and
-- counted when it is read (ADR 0048): the count it kept, raised by every later comment for every watcher,
-- is gone.
ALTER TABLE "Notification" DROP COLUMN "count";
