// Look-alike names (docs/decisions/0014): two names a reader could take for each other share a skeleton.
// The skeleton is UTS #39's (NFD, each confusable character replaced by its prototype from Unicode's
// confusables.txt, NFD again), with three documented extra foldings for names: NFKC first (full-width
// and other compatibility forms), case after the mapping (UTS #39 is case-sensitive, "I" → "l" must
// happen before "I" becomes "i"), and invisible characters and the separators _ - . and spaces dropped.
import unhomoglyph from "unhomoglyph";

/** UTS #39 skeleton(X) = NFD(map each character of NFD(X) to its confusables prototype). */
export function confusableSkeleton(text: string) {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/** "PterrafractyI", "Pterrafractyl", "pterra_fractyl" and "DaveEm0ry", "Dave Emory" share a skeleton. */
export function nameSkeleton(name: string) {
  const mapped = confusableSkeleton(name.normalize("NFKC"));
  // Lower-casing after the mapping can produce letters with prototypes of their own ("M" → "m" → "rn").
  const folded = confusableSkeleton(mapped.toLowerCase());
  return folded.replace(/[\p{Default_Ignorable_Code_Point}\s_.-]+/gu, "");
}
