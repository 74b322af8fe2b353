/**
 * The flagged text with the words around it, as it reads in its section or comment: the context is
 * shown muted and cut at a word, the flagged words are marked. Rendered as text, never as HTML.
 */
export function ClaimInContext({ prefix, exact, suffix, className = "" }: { prefix: string; exact: string; suffix: string; className?: string }) {
  const before = prefix.replace(/^\S*\s/, "").replace(/\s+/g, " ");
  const after = suffix.replace(/\s\S*$/, "").replace(/\s+/g, " ");
  return (
    <blockquote
      className={`border-l-4 border-amber-400 pl-4 font-serif leading-relaxed text-stone-800 [overflow-wrap:anywhere] dark:border-amber-600 dark:text-stone-200 ${className}`}
    >
      <span className="text-stone-500 dark:text-stone-400">{before ? `…${before}` : ""}</span>
      <mark className="rounded-sm bg-amber-100 px-0.5 text-stone-950 dark:bg-amber-900/60 dark:text-amber-50">{exact}</mark>
      <span className="text-stone-500 dark:text-stone-400">{after ? `${after}…` : ""}</span>
    </blockquote>
  );
}
