import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cx } from "./cx";

/** Text boxes, text areas and selects look alike; a field with a message (`aria-invalid`) gets a red border. */
export const controlClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs " +
  "placeholder:text-stone-400 focus:border-accent-600 aria-[invalid=true]:border-red-600 " +
  "dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-500 dark:aria-[invalid=true]:border-red-400";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={cx(controlClass, className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea({ className, ...props }, ref) {
  return <textarea ref={ref} className={cx(controlClass, className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className, ...props }, ref) {
  return <select ref={ref} className={cx(controlClass, className)} {...props} />;
});

/** A radio button or checkbox in the site's accent colour. */
export const Choice = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Choice({ className, ...props }, ref) {
  return <input ref={ref} className={cx("size-4 shrink-0 accent-accent-700", className)} {...props} />;
});

export const labelClass = "block text-sm font-medium text-stone-800 dark:text-stone-200";
