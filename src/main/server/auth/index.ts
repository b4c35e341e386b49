export { createServerAuth, type ServerAuth, type ServerAuthOptions } from './server-auth'
export {
  hasPassword,
  setServerPassword,
  PASSWORD_FILE,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './password-store'
export { readNewPassword, type ReadNewPasswordOptions } from './read-new-password'
export { PasswordError, type PasswordErrorCode } from './password-error'
