// Kept shared fragments (ADR 0041) go into a signed-in page as bytes: React renders a mark where a kept
// fragment goes, and the document's stream replaces each mark with the fragment's UTF-8, kept as it was
// written. Handed to React as a string, 800 KB of kept HTML was copied into the render and encoded to
// UTF-8 again for every page (about 1 ms), and held in the heap as UTF-16.
import { randomBytes } from "node:crypto";
import { Transform } from "node:stream";

/**
 * Where a mark starts: unguessable, drawn per process, so that no text a reader wrote — escaped anyway —
 * can be taken for one. A mark is `${FRAGMENT_MARK}${name}-->`, an HTML comment.
 */
const FRAGMENT_MARK = `<!--footnote-fragment:${randomBytes(12).toString("hex")}:`;
const MARK = Buffer.from(FRAGMENT_MARK, "latin1");
const MARK_END = Buffer.from("-->", "latin1");
/** A mark's name is a fragment's name: short. Past this, what follows a mark's start is passed on as it is. */
const LONGEST_NAME = 64;

/** The mark React renders for the kept fragment `name` (inside its element, as its inner HTML). */
export function fragmentMark(name: string) {
  return `${FRAGMENT_MARK}${name}-->`;
}

/**
 * A stream that passes the document through and replaces the mark of each fragment in `kept` with its
 * bytes. A mark may arrive cut across chunks: the start of one is held back until its end has come.
 */
export function spliceFragments(kept: ReadonlyMap<string, Buffer>) {
  let held: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const data = held.length ? Buffer.concat([held, chunk]) : chunk;
      held = Buffer.alloc(0);
      let from = 0;
      for (;;) {
        const at = data.indexOf(MARK, from);
        if (at === -1) break;
        const nameStart = at + MARK.length;
        const end = data.indexOf(MARK_END, nameStart);
        if (end === -1 && data.length - nameStart <= LONGEST_NAME) {
          // The mark's end is in a later chunk.
          if (at > from) this.push(data.subarray(from, at));
          held = Buffer.from(data.subarray(at));
          return done();
        }
        const bytes = end === -1 || end - nameStart > LONGEST_NAME ? undefined : kept.get(data.toString("latin1", nameStart, end));
        if (bytes === undefined) {
          // Not a mark of a kept fragment: passed on as it is.
          this.push(data.subarray(from, nameStart));
          from = nameStart;
          continue;
        }
        if (at > from) this.push(data.subarray(from, at));
        this.push(bytes);
        from = end + MARK_END.length;
      }
      // The chunk may end with the first bytes of a mark.
      const tail = partialMarkAtEnd(data, from);
      if (data.length - tail > from) this.push(data.subarray(from, data.length - tail));
      if (tail) held = Buffer.from(data.subarray(data.length - tail));
      done();
    },
    flush(done) {
      if (held.length) this.push(held);
      done();
    },
  });
}

/** How many of `data`'s last bytes (after `from`) are the first bytes of a mark: only its first byte is a "<". */
function partialMarkAtEnd(data: Buffer, from: number) {
  const start = data.lastIndexOf(MARK[0]!, data.length - 1);
  if (start < from || start < data.length - (MARK.length - 1)) return 0;
  const length = data.length - start;
  return data.subarray(start).equals(MARK.subarray(0, length)) ? length : 0;
}
