#!/usr/bin/env node
// The package's `bin`, so that `npx podium` needs no build step: it runs the CLI compiled for this
// code version (compile-cli.mjs), or the TypeScript through tsx when that cannot be compiled, so
// that tsx reports what stopped it.
import { pathToFileURL } from 'node:url';
import { compiledCli } from './compile-cli.mjs';

if (process.env.PODIUM_DEBUG) process.setSourceMapsEnabled(true);
const compiled = await compiledCli();
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./podium.ts');
}
