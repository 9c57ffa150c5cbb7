/** npm run preview -- [--out DIR] [--port N]: serves a built site on http://127.0.0.1. */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' } } });
if (!existsSync(values.out)) {
  console.error(`${values.out}/ does not exist yet: run "npm run build" first.`);
  process.exit(1);
}
const { url } = await startStaticServer(values.out, Number(values.port));
console.log(`serving ${values.out}/ at ${url}/ (Ctrl+C to stop)`);
