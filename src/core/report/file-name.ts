/** A report workbook's file name from a nämnd's name: readable, and valid on Windows, macOS and Linux. */
export function reportFileName(namnd: string): string {
  const clean = namnd.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '');
  return `${clean || 'namnd'}.xlsx`;
}
