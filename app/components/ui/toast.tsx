import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Toast } from "~/utils/toast.server";
import { Notice } from "./notice";

const TONE = { success: "success", message: "warning", error: "error" } as const;

/**
 * The toast the root loader read (utils/toast.server.ts), shown on the page it arrived with and gone on
 * the next one, even when the root's data is not reloaded by that navigation.
 */
export function Toaster({ toast }: { toast: Toast | null }) {
  const location = useLocation();
  const [arrival, setArrival] = useState<{ toast: Toast; key: string } | null>(null);
  useEffect(() => {
    if (toast && arrival?.toast !== toast) setArrival({ toast, key: location.key });
    // Only a new toast marks where it arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toast]);
  const gone = !toast || (arrival?.toast === toast && arrival.key !== location.key);
  if (gone) return null;
  return (
    <Notice tone={TONE[toast.type]} role="status" className="mb-6">
      {toast.description}
    </Notice>
  );
}
