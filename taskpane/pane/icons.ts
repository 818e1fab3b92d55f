/** Inline SVG icons in the Fluent system style (20 px grid, currentColor). */
const PATHS = {
  fel: 'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 11.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2ZM10 5.5a.9.9 0 0 0-.9.9l.3 5a.6.6 0 0 0 1.2 0l.3-5a.9.9 0 0 0-.9-.9Z',
  varning: 'M8.68 2.79a1.5 1.5 0 0 1 2.64 0l6.5 12A1.5 1.5 0 0 1 16.5 17h-13a1.5 1.5 0 0 1-1.32-2.21l6.5-12ZM10 13a1 1 0 1 0 0 2 1 1 0 0 0 0-2Zm0-6.5a.8.8 0 0 0-.8.8l.2 4.2a.6.6 0 0 0 1.2 0l.2-4.2a.8.8 0 0 0-.8-.8Z',
  info: 'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 6.5a.75.75 0 0 0-.75.75v4.5a.75.75 0 0 0 1.5 0v-4.5A.75.75 0 0 0 10 8.5ZM10 5.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z',
  ok: 'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65a.5.5 0 0 0-.76.64l.06.07 2 2c.17.17.43.2.64.06l.07-.06 4-4a.5.5 0 0 0 0-.71Z',
  search: 'M8.5 3a5.5 5.5 0 0 1 4.38 8.83l4.15 4.14a.75.75 0 0 1-.98 1.13l-.08-.07-4.15-4.15A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z',
  chevron: 'M7.65 4.15a.5.5 0 0 0 0 .7L12.79 10l-5.14 5.15a.5.5 0 0 0 .7.7l5.5-5.5a.5.5 0 0 0 0-.7l-5.5-5.5a.5.5 0 0 0-.7 0Z',
  run: 'M7.03 13.9 3.56 10.4a.75.75 0 0 0-1.06 1.06l4 4a.75.75 0 0 0 1.06 0l10-10a.75.75 0 1 0-1.06-1.06L7.03 13.9Z',
  check: 'M10 2.5a7.5 7.5 0 1 1 0 15 7.5 7.5 0 0 1 0-15Zm0 1a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm2.85 3.65a.5.5 0 0 1 .06.63l-.06.07-3.5 3.5a.5.5 0 0 1-.63.06l-.07-.06-1.5-1.5a.5.5 0 0 1 .63-.77l.07.06L9 11.29l3.15-3.14a.5.5 0 0 1 .7 0Z',
  dismiss: 'm4.09 4.22.06-.07a.5.5 0 0 1 .63-.06l.07.06L10 9.29l5.15-5.14a.5.5 0 0 1 .63-.06l.07.06c.18.17.2.44.06.63l-.06.07L10.71 10l5.14 5.15c.18.17.2.44.06.63l-.06.07a.5.5 0 0 1-.63.06l-.07-.06L10 10.71l-5.15 5.14a.5.5 0 0 1-.63.06l-.07-.06a.5.5 0 0 1-.06-.63l.06-.07L9.29 10 4.15 4.85a.5.5 0 0 1-.06-.63l.06-.07-.06.07Z',
  upload: 'M10 2.5 4.97 7.53l1.06 1.06 3.22-3.22V13h1.5V5.37l3.22 3.22 1.06-1.06L10 2.5ZM4 15.5V17h12v-1.5H4Z',
  download: 'M10 13.5 15.03 8.47l-1.06-1.06-3.22 3.22V3h-1.5v7.63L6.03 7.41 4.97 8.47 10 13.5ZM4 15.5V17h12v-1.5H4Z',
  document: 'M6 2h5.6L16 6.4v10.1a1.5 1.5 0 0 1-1.5 1.5h-8.5A1.5 1.5 0 0 1 4.5 16.5v-13A1.5 1.5 0 0 1 6 2Zm0 1.5v13h8.5v-9h-3a1 1 0 0 1-1-1v-3H6Zm6 .6v1.9h1.9L12 4.1Z',
  lock: 'M6.5 8V6a3.5 3.5 0 0 1 7 0v2h.5A1.5 1.5 0 0 1 15.5 9.5v7A1.5 1.5 0 0 1 14 18H6a1.5 1.5 0 0 1-1.5-1.5v-7A1.5 1.5 0 0 1 6 8h.5Zm1.5 0h4V6a2 2 0 1 0-4 0v2Zm-2 1.5v7h8v-7H6Zm4 2a1.25 1.25 0 0 1 .75 2.25V15h-1.5v-1.25A1.25 1.25 0 0 1 10 11.5Z',
} as const;

/** Outline icons drawn as a shape with holes. */
const EVEN_ODD = new Set<string>(['document', 'lock']);

export type IconName = keyof typeof PATHS;

export function icon(name: IconName, className = ''): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon ${className}`.trim());
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  if (EVEN_ODD.has(name)) path.setAttribute('fill-rule', 'evenodd');
  svg.append(path);
  return svg;
}
