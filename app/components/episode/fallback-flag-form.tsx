import { useEffect, useRef, useState } from "react";
import { FlagClaimForm, type FlagClaimValues } from "~/components/claims/flag-claim-form";
import { Button } from "~/components/ui/button";
import { useFlagging } from "./claim-flagger";

/**
 * "Flag a claim in this section/comment", a form under the text. Without JavaScript the reader pastes the words;
 * with it, words the reader has selected in this text are taken as they are (never retyped), and the form can
 * still be switched to typing.
 */
export function FallbackFlagForm({
  targetType,
  targetId,
  label,
  summaryClass = "cursor-pointer text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-100",
  lazy,
}: {
  targetType: "section" | "comment";
  targetId: number;
  label: string;
  /** How the summary looks where it sits (beside a comment's Reply, it looks like Reply). */
  summaryClass?: string;
  /**
   * Under every comment: the form is rendered when opened, not with the page. Without JavaScript the opened
   * summary offers `href`, the page with this form open (`open`).
   */
  lazy?: { href: string; open: boolean };
}) {
  const flagging = useFlagging();
  const [selection, setSelection] = useState<FlagClaimValues | null>(null);
  const [opened, setOpened] = useState(!lazy || lazy.open);
  const details = useRef<HTMLDetailsElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // Opened before the page could answer (a tap while it hydrated): show the form now.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  const onDone = (result: { claimId: number; joined: boolean }) => flagging?.revealFlag(result, () => body.current?.querySelector<HTMLElement>("[role=status]") ?? null);
  return (
    <details
      ref={details}
      open={(lazy?.open ?? false) || undefined}
      className="group font-sans text-sm [&[open]]:basis-full"
      onToggle={(event) => {
        if (!event.currentTarget.open) return;
        setOpened(true);
        setSelection(flagging?.remembered(`${targetType}:${targetId}`) ?? null);
      }}
    >
      <summary className={summaryClass}>{label}</summary>
      <div ref={body} className="mt-2 max-w-xl space-y-2">
        {!opened && lazy ? (
          <noscript>
            <a href={lazy.href}>Open the form to flag a claim in this comment</a>
          </noscript>
        ) : selection ? (
          <>
            <FlagClaimForm key="selection" values={selection} onDone={onDone} />
            <Button type="button" variant="quiet" onClick={() => setSelection(null)}>
              Type other words instead
            </Button>
          </>
        ) : (
          <FlagClaimForm key="typed" values={{ targetType, targetId, exact: "", reason: "" }} editableExact onDone={onDone} />
        )}
      </div>
    </details>
  );
}
