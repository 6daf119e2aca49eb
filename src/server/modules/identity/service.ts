/**
 * Identity's public surface: other modules import only this file. The work lives in focused files beside it:
 * accounts.ts, sessions.ts, second-factor.ts, email-links.ts, presentation.ts, directory.ts, privacy.ts.
 */
export { presentUser } from './presentation.ts';
export {
  SYSTEM_OPERATOR,
  TERMS_VERSION,
  createUser,
  getUser,
  updateUser,
  deleteUser,
  listUsers,
  changeRole,
  setTier,
  DEMO_ADMIN_EMAIL,
  ensureAdmin,
} from './accounts.ts';
export {
  login,
  startSession,
  REFRESH_REUSE_GRACE_MS,
  refreshSession,
  revokeSession,
  revokeOtherSessions,
  listSessions,
  actorFromAccessToken,
  logout,
  getMe,
} from './sessions.ts';
export { mfaSetup, mfaVerify, mfaDisable, mfaStepUp, requireRecentMfa } from './second-factor.ts';
export { resendEmailVerification, verifyEmail, forgotPassword, resetPassword } from './email-links.ts';
export { accountNames, accountTypeOf, accountIdsByEmail, markEmailVerified, accountKindsOf } from './directory.ts';
// How clients appear to a viewer under the privacy rule.
export { clientIdentitiesFor, clientIdentityFor, publicClientNames, setPrivacyMode, type ClientIdentity } from './privacy.ts';
