/**
 * The lossless .xlsx package writer: adds Styrkoll's parts to the original package and edits
 * only the parts it must, as text; every other part keeps its bytes. Bytes in, bytes out (no fs),
 * so it runs in Node and in the browser.
 */
export { writeCheckedWorkbook } from './checked-workbook';
export { addSheets, createWorkbook } from './sheets';
export { setCellValues, type CellEdit } from './set-cell-values';
export { NOTE_AUTHOR, NOTE_MARKER } from './notes';
export { RECORD_NS } from './record';
export { FFLATE_CODEC, type PackageOptions, type ZipCodec } from './zip-package';
