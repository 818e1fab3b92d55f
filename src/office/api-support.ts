/**
 * Which ExcelApi requirement sets the host supports. The manifest's floor is ExcelApi 1.7; newer
 * APIs are only used when this says yes. Injected so tests can pretend to be any host.
 */
export type ApiSupport = (minVersion: string) => boolean;

/** Uses Office.context.requirements; answers false outside Office. */
export function hostApiSupport(): ApiSupport {
  return (minVersion) => {
    try {
      return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', minVersion) === true;
    } catch {
      return false;
    }
  };
}

/**
 * Whether the loaded office.js has `member` on `object` (a method or a navigation property). The
 * host answers isSetSupported, the library decides what the add-in can call: an office.js older
 * than the host has no Worksheet.notes however new Excel is. Check both before a newer API.
 */
export function clientHas(object: object | null | undefined, member: string): boolean {
  return !!object && member in object;
}

/** Both checks at once: the host supports `minVersion` and the client library has `member`. */
export function canUse(supports: ApiSupport, minVersion: string, object: object | null | undefined, member: string): boolean {
  return supports(minVersion) && clientHas(object, member);
}

/** The ExcelApi versions behind which Styrkoll uses newer features. */
export const API = {
  /** getRangeByIndexes, hyperlinks: the manifest floor. */
  floor: '1.7',
  createWorkbook: '1.8',
  dataValidation: '1.8',
  /** Charts' axis number formats and axis crossing position (the charts themselves need 1.7 at most). */
  chartAxisFormat: '1.8',
  suspendScreenUpdating: '1.9',
  pageLayout: '1.9',
  notes: '1.18',
} as const;
