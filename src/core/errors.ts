/** The error type of every layer (src/common/errors.ts), as the core's modules import it. */
export { StyrkollError, isStyrkollError, type ErrorCode } from '../common/errors';
