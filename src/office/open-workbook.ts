/** Opens .xlsx bytes as a new workbook window [ExcelApi 1.8]; the add-in gets no handle to it. */
export async function openNewWorkbook(bytes: Uint8Array): Promise<void> {
  await Excel.createWorkbook(toBase64(bytes));
}

/** Base64 in chunks: String.fromCharCode(...bytes) overflows the stack for big files. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}
