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

/** The ExcelApi versions behind which Styrkoll uses newer features. */
export const API = {
  /** getRangeByIndexes, hyperlinks: the manifest floor. */
  floor: '1.7',
  createWorkbook: '1.8',
  dataValidation: '1.8',
  suspendScreenUpdating: '1.9',
  pageLayout: '1.9',
  notes: '1.18',
} as const;
