import { TextareaField } from "~/components/forms";

/**
 * The reason a moderator or an admin gives for a decision, with where it will be read (`shownIn`): its
 * message beside it and the text as typed kept.
 */
export function ReasonField({
  id,
  label = "Reason",
  shownIn,
  defaultValue,
  error,
  required,
  maxLength,
}: {
  id: string;
  label?: string;
  shownIn: string;
  defaultValue: string | undefined;
  error: string | undefined;
  required?: boolean;
  /** The schema's limit, so the box stops where the server would refuse. */
  maxLength: number;
}) {
  return (
    <TextareaField
      name="reason"
      id={id}
      label={
        <>
          {label} <span className="font-normal text-stone-500 dark:text-stone-400">({shownIn})</span>
        </>
      }
      rows={2}
      required={required}
      maxLength={maxLength}
      defaultValue={defaultValue}
      error={error}
    />
  );
}
