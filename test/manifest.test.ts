import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MANIFEST_XSD_DIR, requireRepoFile } from './fixtures/files';

const repoRoot = path.resolve(__dirname, '..');
const schema = requireRepoFile(path.join(MANIFEST_XSD_DIR, 'OfficeAppManifestV1_1.xsd'));

function validate(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint kunde inte köras (${r.error.message}); installera libxml2-utils`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe('manifest.xml', () => {
  beforeAll(() => {
    // Fail loudly: a missing validator must not look like a valid manifest.
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    expect(existsSync(schema)).toBe(true);
  });

  it('validates against the OfficeApp 1.1 schema', () => {
    const r = validate(path.join(repoRoot, 'manifest.xml'));
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
  });

  it('the schema check can fail: Requirements after Permissions is rejected', () => {
    const xml = readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
    const req = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)![0];
    const broken = xml.replace(req, '').replace('</Permissions>', `</Permissions>${req}`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'broken.xml');
    writeFileSync(file, broken);
    expect(validate(file).ok).toBe(false);
  });

  it('declares Excel, sv-SE, the ExcelApi 1.7 floor and both ribbon buttons on the Home tab', () => {
    const xml = readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
    expect(xml).toMatch(/<DefaultLocale>sv-SE<\/DefaultLocale>/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>kontrolleraBudget<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toContain('DefaultValue="Kontrollera budget"');
  });

  it('points at icons that are real PNGs of the declared sizes', () => {
    const xml = readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(new Set(icons.map((m) => m[2]))).toEqual(new Set(['16', '32', '64', '80']));
    for (const [, file, size] of icons) {
      const png = readFileSync(path.join(repoRoot, file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });

  it('the built dist/manifest.xml validates too', () => {
    const built = path.join(repoRoot, 'dist', 'manifest.xml');
    if (!existsSync(built)) throw new Error('dist/manifest.xml is missing: run `npm run build` first (`npm test` does)');
    expect(validate(built)).toEqual({ ok: true, output: expect.stringContaining('validates') });
  });
});
