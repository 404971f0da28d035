import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resourcesDir } from '../../electron/core/paths.ts';

/**
 * The PDF pdfmake itself makes of a document, with our fonts but none of the changes renderPdf
 * makes to how pdfmake measures, lays out and draws: the reference our layout must match. It
 * runs in its own process, since those changes apply to the pdfmake loaded in this one. The
 * document is named by module and export, as definitions hold functions (footers, table rules)
 * that cannot be sent to another process.
 */
export function renderWithPlainPdfmake(modulePath: string, exportName: string): Buffer {
  const script = `
    import fs from 'node:fs';
    import path from 'node:path';
    import { createRequire } from 'node:module';
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const pdfmake = require('pdfmake');
    const [dir, moduleUrl, exportName] = process.argv.slice(1);
    const font = (name) => { pdfmake.virtualfs.writeFileSync(name, fs.readFileSync(path.join(dir, name))); return name; };
    const family = (regular, bold) => ({ normal: font(regular), bold: font(bold), italics: font(regular), bolditalics: font(bold) });
    pdfmake.setFonts({
      BIZUDPGothic: family('BIZUDPGothic-Regular.ttf', 'BIZUDPGothic-Bold.ttf'),
      BIZUDGothic: family('BIZUDGothic-Regular.ttf', 'BIZUDGothic-Bold.ttf'),
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    const definitions = await import(moduleUrl);
    process.stdout.write(await pdfmake.createPdf(definitions[exportName]).getBuffer());
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, path.join(resourcesDir(), 'fonts'), pathToFileURL(modulePath).href, exportName], {
    cwd: path.join(import.meta.dirname, '../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
}
