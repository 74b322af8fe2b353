// Moved: the claim model is app/models/claims/ (import app/models/claims/index.server.ts). This re-export
// stays only for app/models/import.server.ts, which another change is splitting; delete it once that
// code imports reanchorClaims from ~/models/claims/index.server.
export { reanchorClaims } from "~/models/claims/index.server";
