/** One temp root per test run, removed at the end, so fixture copies and builds never pile up. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'podium-tests-'));
  process.env.PODIUM_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
