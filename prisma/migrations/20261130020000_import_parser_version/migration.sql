-- The parser that read each imported file: a file imported by an older parser is read again when
-- imported again (issue 10: "(Idem.)" now keeps the pages it repeats). Rows before this are version 1.
ALTER TABLE "Import" ADD COLUMN "parserVersion" INTEGER NOT NULL DEFAULT 1;
