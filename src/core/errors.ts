/** The error type of every layer (src/shared/errors.ts), as the core's modules import it. */
export { StyrkollError, isStyrkollError, type ErrorCode } from '../shared/errors';
