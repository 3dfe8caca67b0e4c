export * from './lib/values';
// The error codes and reasons too: the web app maps them to sentences without pulling in the request DTOs.
export { ERROR_CODES, ERROR_REASONS } from './lib/errors';
export type { CodeWithReasons, ErrorCode, ErrorReason, ErrorReasonOf } from './lib/errors';
