// The user model's public face: routes, scripts, tests and other models import it only.
//   accounts.server.ts          a username's key, creating an account, checking credentials
//   sign-up.server.ts           what stands in the way of a new account; creating a member
//   profiles.server.ts          public profiles and a member's comments
//   admin.server.ts             admin: finding accounts, roles, suspensions
//   imported-authors.server.ts  admin: linking authors of imported comments to accounts
export { countUsers, createUser, usernameKey, verifyCredentials } from "./accounts.server";
export { AccountTakenError, createMember, findLookalikeName, findSignUpConflicts, isImportedAuthorName } from "./sign-up.server";
export { getImportedAuthorByName, getPublicProfile, listProfileComments, PROFILE_COMMENTS_PER_PAGE } from "./profiles.server";
export {
  ADMIN_USERS_PER_PAGE,
  changeUserRole,
  getUserForAdmin,
  searchUsers,
  suspendUser,
  unsuspendUser,
  UserActionError,
  type AdminUser,
  type UserActionErrorCode,
} from "./admin.server";
export { IMPORTED_AUTHORS_PER_PAGE, linkImportedAuthor, listImportedAuthors, unlinkImportedAuthor } from "./imported-authors.server";
