// The check moved to @coverlink/core, where the API clients use it too; re-exported here so code
// importing it from @coverlink/auth keeps working. It throws core's ConfigurationError.
export { isLoopbackHost, parseSecureUrl } from '@coverlink/core';
