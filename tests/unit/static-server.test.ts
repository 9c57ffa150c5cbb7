import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../src/pipeline/static-server.ts';
import { tempDir } from '../support/fixture.ts';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
const get = (url: string, rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error('the server did not answer')));
    req.on('error', reject);
    req.end();
  });

describe('the preview server serves the site and nothing beside it', () => {
  let url = '';
  let close = () => undefined as void;
  beforeAll(async () => {
    const root = tempDir('serve');
    mkdirSync(path.join(root, 'site'));
    mkdirSync(path.join(root, 'site-private'));
    writeFileSync(path.join(root, 'site', 'index.html'), 'home');
    writeFileSync(path.join(root, 'site-private', 'secret.txt'), 'secret');
    const started = await startStaticServer(path.join(root, 'site'));
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => close());

  it('serves a page', async () => expect(await get(url, '/')).toEqual({ status: 200, body: 'home' }));

  it('compresses text for a browser that accepts gzip', async () => {
    const response = await fetch(`${url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe('home');
  });

  it('refuses a sibling folder whose name starts with the site’s', async () => {
    expect((await get(url, '/..%2fsite-private/secret.txt')).status).toBe(403);
  });

  it('refuses a malformed escape instead of crashing', async () => {
    expect((await get(url, '/%E0%A4%A')).status).toBe(403);
    expect((await get(url, '/')).status).toBe(200);
  });
});
