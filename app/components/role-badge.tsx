import { Badge } from "~/components/ui/badge";
import type { Role } from "~/utils/permissions";

/** Which roles a name carries a badge for: staff say what they are; a member's role goes unsaid. */
const BADGED: Record<Role, boolean> = { member: false, moderator: true, admin: true };

/** The role of a moderator or an admin, beside their name (header, profile). */
export function RoleBadge({ role, size = "xs" }: { role: Role; size?: "xs" | "md" }) {
  if (!BADGED[role]) return null;
  return (
    <Badge tone="accent" size={size} className="capitalize">
      {role}
    </Badge>
  );
}
