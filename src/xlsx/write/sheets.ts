/** Report sheets: add to an existing package, or build a new package from scratch. */
import { StyrkollError } from '../../common/errors';
import type { SheetSpec } from '../../core';
import { CONTENT_TYPES } from './rels';
import { addSpecSheet, finish, openSession, sessionFor } from './session';
import { minimalStyles } from './styles';
import { findSheet, MAIN_NS, removeSheet, setActiveTab } from './workbook-part';
import { escapeAttr, escapeText } from './xml-tree';
import { ZipPackage, type PackageOptions } from './zip-package';

export function addSheets(original: Uint8Array, specs: SheetSpec[], options: { replaceExisting?: boolean } = {}, pkgOptions: PackageOptions = {}): Uint8Array {
  checkDistinct(specs);
  const s = openSession(original, pkgOptions);
  for (const spec of specs) {
    const existing = findSheet(s.wb, spec.name);
    if (existing && !options.replaceExisting) {
      throw new StyrkollError('ARGUMENT', `Arbetsboken har redan ett blad som heter "${existing.name}"; välj att ersätta det eller byt namn.`);
    }
    if (existing) removeSheet(s.pkg, s.wb, existing);
    addSpecSheet(s, spec, false);
  }
  return finish(s);
}

export function createWorkbook(specs: SheetSpec[], options: { title?: string; hiddenNames?: { name: string; text: string }[] } = {}): Uint8Array {
  if (specs.length === 0) throw new StyrkollError('ARGUMENT', 'En ny arbetsbok måste ha minst ett blad.');
  checkDistinct(specs);
  const pkg = ZipPackage.empty();
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const od = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  pkg.setText(
    '[Content_Types].xml',
    `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPES.rels}"/><Default Extension="xml" ContentType="${CONTENT_TYPES.xml}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPES.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPES.styles}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CONTENT_TYPES.coreProps}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPES.appProps}"/></Types>`,
  );
  pkg.setText(
    '_rels/.rels',
    `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      rel('rId1', `${od}/officeDocument`, 'xl/workbook.xml') +
      rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
      rel('rId3', `${od}/extended-properties`, 'docProps/app.xml') +
      '</Relationships>',
  );
  pkg.setText(
    'docProps/core.xml',
    `${xml}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      (options.title ? `<dc:title>${escapeText(options.title)}</dc:title>` : '') +
      '<dc:creator>Styrkoll</dc:creator></cp:coreProperties>',
  );
  pkg.setText(
    'docProps/app.xml',
    `${xml}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  );
  pkg.setText(
    'xl/workbook.xml',
    `${xml}<workbook xmlns="${MAIN_NS}" xmlns:r="${od}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets>${definedNames(options.hiddenNames ?? [])}<calcPr calcId="191029"/></workbook>`,
  );
  pkg.setText(
    'xl/_rels/workbook.xml.rels',
    `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', `${od}/styles`, 'styles.xml')}</Relationships>`,
  );
  pkg.setText('xl/styles.xml', minimalStyles(MAIN_NS));
  const s = sessionFor(pkg);
  specs.forEach((spec, i) => addSpecSheet(s, spec, i === 0));
  setActiveTab(s.pkg, s.wb, 0);
  return finish(s);
}

/** Workbook-level hidden names holding a text constant (Excel keeps them; a copied sheet does not take them along). */
function definedNames(names: { name: string; text: string }[]): string {
  if (!names.length) return '';
  const item = (n: { name: string; text: string }) => `<definedName name="${escapeAttr(n.name)}" hidden="1">${escapeText('"' + n.text.replace(/"/g, '""') + '"')}</definedName>`;
  return `<definedNames>${names.map(item).join('')}</definedNames>`;
}

function checkDistinct(specs: SheetSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = spec.name.toLowerCase();
    if (seen.has(key)) throw new StyrkollError('ARGUMENT', `Bladnamnet "${spec.name}" förekommer två gånger.`);
    seen.add(key);
  }
}
