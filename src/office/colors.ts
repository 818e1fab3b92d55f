/** SheetSpec colours are ARGB ("FF1F3864"); Office.js wants "#1F3864". */
export function argbToHex(argb: string): string {
  const hex = argb.replace(/^#/, '');
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}
