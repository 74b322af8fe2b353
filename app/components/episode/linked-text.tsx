import { linkify, programSearchHref } from "~/utils/linkify";
import type { ProgramSlugs } from "./types";

/**
 * Imported text with its program references and bare URLs as links. Everything else stays a React
 * text node: imported text never becomes markup.
 */
export function LinkedText({ text, programSlugs }: { text: string; programSlugs: ProgramSlugs }) {
  return (
    <>
      {linkify(text).map((token, index) => {
        switch (token.type) {
          case "text":
            return token.text;
          case "url":
            // Links in imported and user-written text are the author's, not Footnote's endorsement.
            return (
              <a key={index} href={token.href} rel="nofollow ugc noopener" className="underline [overflow-wrap:anywhere]">
                {token.text}
              </a>
            );
          case "program": {
            const slug = programSlugs[token.number];
            return slug ? (
              <a key={index} href={`/episodes/${slug}`} className="underline">
                {token.text}
              </a>
            ) : (
              <a key={index} href={programSearchHref(token.number)} title={`FTR #${token.number} is not in the archive: search for it`} className="underline">
                {token.text}
              </a>
            );
          }
        }
      })}
    </>
  );
}
