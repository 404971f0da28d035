import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../../electron/core/paths.ts';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { rateTableSchema, type RateTable } from '../../../shared/content/rateTableSchema.ts';

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The bundled pack and sample rates, as the app ships them. */
export function bundledContent(): { pack: ContentPack; rates: RateTable } {
  const dir = path.join(resourcesDir(), 'content');
  return {
    pack: contentPackSchema.parse(readJson(path.join(dir, 'SJ24-13707.json'))),
    rates: rateTableSchema.parse(readJson(path.join(dir, 'rates', 'SJ24-13707-sample.json'))),
  };
}

export const fontsDir = () => path.join(resourcesDir(), 'fonts');
