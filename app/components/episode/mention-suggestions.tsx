// Suggestions for an @mention typed in a comment (issue 18): members who took part in the thread, from
// /api/mentions. The textarea keeps the focus and stays a textbox; it points at the list with
// aria-controls and at the highlighted name with aria-activedescendant, and a live region says how many
// names there are. ↑/↓ move, Enter or Tab take the name, Escape closes. Without JavaScript: nothing, and
// typing the name in full works the same.
import { useParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { mentionAt } from "~/utils/mentions";

export function MentionSuggestions({ textareaId, threadId }: { textareaId: string; threadId?: number }) {
  const { slug } = useParams();
  const [names, setNames] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const state = useRef({ names, active, start: 0, caret: 0 });
  state.current.names = names;
  state.current.active = active;
  const listId = `${textareaId}-mentions`;

  useEffect(() => {
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!textarea || !slug) return;
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listId);
    let request: AbortController | null = null;
    const close = () => {
      setNames([]);
      textarea.removeAttribute("aria-activedescendant");
    };
    const onInput = () => {
      const mention = mentionAt(textarea.value, textarea.selectionStart ?? 0);
      request?.abort();
      if (!mention) return close();
      state.current.start = mention.start;
      state.current.caret = textarea.selectionStart ?? 0;
      request = new AbortController();
      const query = new URLSearchParams({ episode: slug, q: mention.query, ...(threadId ? { thread: String(threadId) } : {}) });
      fetch(`/api/mentions?${query}`, { signal: request.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<{ names: string[] }>) : { names: [] }))
        .then(({ names: found }) => {
          setNames(found);
          setActive(0);
        })
        .catch(() => {});
    };
    const choose = (name: string) => {
      const { start, caret } = state.current;
      const inserted = `@${name} `;
      textarea.value = `${textarea.value.slice(0, start)}${inserted}${textarea.value.slice(caret)}`;
      textarea.setSelectionRange(start + inserted.length, start + inserted.length);
      close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const { names: shown, active: current } = state.current;
      if (shown.length === 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((current + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(shown[current]!);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    };
    const onChoose = (event: Event) => choose((event as CustomEvent<string>).detail);
    textarea.addEventListener("input", onInput);
    textarea.addEventListener("keydown", onKeyDown);
    textarea.addEventListener("blur", () => setTimeout(close, 150));
    textarea.addEventListener("footnote:mention", onChoose);
    return () => {
      request?.abort();
      textarea.removeEventListener("input", onInput);
      textarea.removeEventListener("keydown", onKeyDown);
      textarea.removeEventListener("footnote:mention", onChoose);
    };
  }, [textareaId, slug, threadId, listId]);

  useEffect(() => {
    const textarea = document.getElementById(textareaId);
    if (!textarea) return;
    if (names.length > 0) textarea.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else textarea.removeAttribute("aria-activedescendant");
  }, [names, active, textareaId, listId]);

  return (
    <div className="relative">
      <ul
        id={listId}
        role="listbox"
        aria-label="Members to mention"
        hidden={names.length === 0}
        className="absolute z-10 mt-1 max-h-48 min-w-48 overflow-auto rounded-md border border-stone-300 bg-white py-1 text-sm shadow-md dark:border-stone-700 dark:bg-stone-900"
      >
        {names.map((name, index) => (
          <li
            key={name}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-1 ${index === active ? "bg-accent-100 dark:bg-stone-700" : ""}`}
            onMouseDown={(event) => {
              event.preventDefault();
              document.getElementById(textareaId)?.dispatchEvent(new CustomEvent("footnote:mention", { detail: name }));
            }}
          >
            @{name}
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {names.length === 0 ? "" : `${names.length} ${names.length === 1 ? "member" : "members"} to mention; up and down arrows to choose, Enter to insert.`}
      </p>
    </div>
  );
}
