/**
 * Request size budget. Excel on the web rejects a request over 5 MB
 * (RequestPayloadSizeLimitExceeded); Styrkoll keeps each sync's queued data well under 4 MB.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** What the batcher aims for: leaves room for the request's own framing. */
export const TARGET_REQUEST_BYTES = 3 * 1024 * 1024;
/**
 * The fixed cost of one queued operation: object paths, actions and ids as the Office.js client
 * serialises them. Measured with the real client (test/office/real-client): a single-cell fill
 * write through getRange(address).format.fill is 722 bytes, loading a fill 709, a hyperlink 508,
 * a formula 469, almost all of it framing; this is the largest with a margin.
 */
export const OP_OVERHEAD_BYTES = 768;

/** UTF-8 byte length of a value's JSON text, without building a Buffer (works in the browser). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
