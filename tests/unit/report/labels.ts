import { readFileSync } from 'node:fs';
import type { Labels } from '../../../utils/report/build';

/** The real locale fragments of the report area as a label function (a missing key throws). */
export function labelsFor(lang: 'en' | 'fr'): Labels {
  const table = {
    ...(JSON.parse(readFileSync(`locales/${lang}/report.json`, 'utf8')) as Record<string, { message: string }>),
    ...(JSON.parse(readFileSync(`locales/${lang}/safeguarding.json`, 'utf8')) as Record<string, { message: string }>),
  };
  return (key, subs = []) => {
    const entry = table[key];
    if (!entry) throw new Error(`missing ${lang} key ${key}`);
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
