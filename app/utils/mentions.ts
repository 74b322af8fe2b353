// `@username` in a comment's text: the names a comment mentions. Sign-up names are letters, digits and
// _ - . (app/schemas/auth.ts); a name ends before a trailing dot (the end of a sentence), and an @ inside
// a word (an e-mail address) mentions nobody.
const MENTION = /(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})/g;

/** The distinct usernames mentioned, in lower case (the form usernames are unique in), at most `limit`. */
export function mentionedNames(text: string, limit = 20): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const name = match[1]!.replace(/[.-]+$/, "").toLowerCase();
    if (name.length > 0) names.add(name);
    if (names.size >= limit) break;
  }
  return [...names];
}

/** The partial name being typed right before the caret (`@ad|` → "ad"), or null when the caret is not in a mention. */
export function mentionAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\w@.])@([A-Za-z0-9_.-]{0,32})$/.exec(before);
  if (!match) return null;
  return { query: match[1]!, start: caret - match[1]!.length - 1 };
}
