/**
 * A build that stops for good at one file-system call of publishing, so a test can SIGKILL it
 * there: `node --import tsx tests/support/publish-child.ts <data> <out> <call> <nth> <paused-file>`.
 * Writes <paused-file> when it has stopped, instead of making the `nth` call of `call`.
 */
import { writeFileSync } from 'node:fs';
import { buildSite } from '../../src/pipeline/build.ts';
import { faultyFs, trivialRenderer, type FsCall } from './publish.ts';

const [dataDir, outDir, call, nth, pausedFile] = process.argv.slice(2) as [string, string, FsCall, string, string];

await buildSite({
  dataDir,
  outDir,
  render: trivialRenderer('new'),
  publishFs: faultyFs({
    call,
    nth: [Number(nth)],
    instead: () => {
      writeFileSync(pausedFile, String(process.pid));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      throw new Error('unreachable: the test kills this process');
    },
  }),
});
