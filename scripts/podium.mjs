#!/usr/bin/env node
// The package's `bin`: runs the TypeScript CLI through tsx, so `npx podium` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./podium.ts');
