/** Offers bytes made in the page as a file download (an object URL; nothing is uploaded). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

export function mimeType(name: string): string {
  if (/\.zip$/i.test(name)) return 'application/zip';
  return /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE;
}

/** An object URL for the bytes; revoke it when the link is removed. */
export function objectUrl(name: string, bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType(name) }));
}

/** Starts the download at once, as a click on a temporary link would. */
export function saveFile(name: string, bytes: Uint8Array): void {
  const url = objectUrl(name, bytes);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken its own reference by now; a minute is ample for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
