/**
 * What kind of file the bytes are, decided before any XML is parsed, so each kind of wrong file
 * gets its own message (a .xls, a password-protected workbook, an .ods, a Word file, a cut-off copy).
 */
import type { StyrkollError } from '../common/errors';
import { readErrors } from './read/errors';
import { isEncryptedOle, isOleSignature } from './read/ole-directory';
import { findWorkbookPart, OpcPackage } from './read/opc-package';
import { resolveLimits, type ReadLimits } from './read/options';
import { isZipSignature, readZipDirectory } from './read/zip-directory';

export type FileKind =
  | 'xlsx'
  | 'tom'
  | 'losenordsskyddad'
  | 'xls'
  | 'ods'
  | 'docx'
  | 'xlsb'
  | 'trunkerad'
  | 'inte-arbetsbok';

export interface FileInspection {
  kind: FileKind;
  /** Present for kind 'xlsx'. */
  pkg?: OpcPackage;
  workbookPart?: string;
}

/** Classifies the bytes; reads only the zip directory and, for zips, a few tiny parts. */
export function detectFileKind(bytes: Uint8Array): FileKind {
  try {
    return inspectFile(bytes).kind;
  } catch (e) {
    const code = (e as StyrkollError).code;
    if (code === 'TRUNKERAD') return 'trunkerad';
    if (code === 'LOSENORDSSKYDDAD') return 'losenordsskyddad';
    return 'inte-arbetsbok';
  }
}

/** Like detectFileKind, but keeps the parsed package for the reader; throws StyrkollError for broken zips. */
export function inspectFile(bytes: Uint8Array, limits: ReadLimits = resolveLimits(undefined)): FileInspection {
  if (bytes.length === 0) return { kind: 'tom' };
  if (isOleSignature(bytes)) return { kind: isEncryptedOle(bytes) ? 'losenordsskyddad' : 'xls' };
  if (!isZipSignature(bytes)) return { kind: 'inte-arbetsbok' };
  let zip;
  try {
    zip = readZipDirectory(bytes);
  } catch (e) {
    if ((e as StyrkollError).code === 'TRUNKERAD') return { kind: 'trunkerad' };
    throw e;
  }
  const pkg = new OpcPackage(bytes, zip, limits);
  const mimetype = pkg.readSmallText('mimetype', 200);
  if (mimetype !== null && mimetype.trim().startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods' };
  if (pkg.has('word/document.xml')) return { kind: 'docx' };
  const workbookPart = findWorkbookPart(pkg);
  if (!workbookPart) return { kind: 'inte-arbetsbok' };
  if (workbookPart.toLowerCase().endsWith('.bin')) return { kind: 'xlsb' };
  return { kind: 'xlsx', pkg, workbookPart };
}

/** The StyrkollError for a kind that cannot be read; null for 'xlsx'. */
export function fileKindError(kind: FileKind): StyrkollError | null {
  switch (kind) {
    case 'xlsx':
      return null;
    case 'tom':
      return readErrors.empty();
    case 'losenordsskyddad':
      return readErrors.encrypted();
    case 'xls':
      return readErrors.xls();
    case 'ods':
      return readErrors.ods();
    case 'docx':
      return readErrors.docx();
    case 'xlsb':
      return readErrors.xlsb();
    case 'trunkerad':
      return readErrors.truncated();
    case 'inte-arbetsbok':
      return readErrors.notWorkbook();
  }
}
