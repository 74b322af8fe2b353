import { useNavigation } from "@remix-run/react";
import { useIsPending } from "~/components/forms";

/**
 * Whether this route's form on its way is the one whose field `name` holds `value`: one card's form
 * among many that post to the same action (the queue's claims, the admin's users).
 */
export function useIsPendingFor(name: string, value: string | number) {
  const pending = useIsPending();
  const navigation = useNavigation();
  return pending && navigation.formData?.get(name) === String(value);
}
