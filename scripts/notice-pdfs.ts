/**
 * npm run pdf -- [--site dist] [--out dist-pdf] [--chromium /usr/bin/chromium]
 * A PDF of each notice of a built site, printed from its own page by headless Chromium (the
 * browser the tests use): A4 portrait, page numbers, no site navigation, as the print stylesheet
 * lays it out. `<id>.pdf` is the notice as it stands; `<id>-v<n>.pdf` each earlier version of a
 * corrected one. The list of notices is the site's exports/notice-versions.json.
 */
import { parseArgs } from 'node:util';
import { writeNoticePdfs } from '../src/pipeline/notice-pdf.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'dist-pdf' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const written = await writeNoticePdfs(values.site, values.out, values.chromium);
console.log(`${written.length} notice PDF(s) in ${values.out}/`);
