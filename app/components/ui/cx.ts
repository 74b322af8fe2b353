/** Joins class names, skipping the falsy ones. Callers add layout (margins, width); the primitives own the look. */
export function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}
