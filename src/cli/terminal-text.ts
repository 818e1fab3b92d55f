/**
 * The one sanitizer for everything the CLI prints. Text from a workbook (cell values, sheet
 * names) or from the network (Kolada titles) may hold terminal control sequences: ESC ] 0; …
 * (window title), ESC [ 31 m (colours), OSC 52 (clipboard writes), or bidi overrides that make a
 * line read differently from what it holds. None of them reaches the terminal raw: they are shown
 * escaped (\x1b, \u202e). Newlines are kept where the CLI itself breaks lines; a single finding,
 * warning or change is flattened to one line with `oneLine`.
 *
 * The escapes are valid JSON string escapes for every character JSON.stringify leaves raw (DEL,
 * C1, bidi, line separators), so --json output passes through unchanged in meaning.
 */

/**
 * C0 controls except the newline, DEL, C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), the bidi marks (U+200E, U+200F, U+061C) and U+2028/U+2029.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  // C0 as \xNN (never raw in JSON output, so no JSON text is altered); the rest as \uNNNN.
  return code < 0x20 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** The text with every control, DEL, C1 and bidi character escaped; newlines kept. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** One line: line breaks (CR, LF, CRLF, U+2028/U+2029) become a space, then everything is escaped. */
export function oneLine(text: string): string {
  return escapeControls(String(text).replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' '));
}

/** True when `text` holds no byte that a terminal would read as a control (newline excepted). */
export function isTerminalSafe(text: string): boolean {
  return !new RegExp(UNSAFE.source).test(text);
}
