/**
 * A small static file server for previewing a built site and for the browser tests. It serves
 * only files inside the site folder, on loopback.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { isWithin } from '../config/paths.ts';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function startStaticServer(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const siteRoot = path.resolve(root);
  const server = createServer((request, response) => {
    let file = requestedFile(siteRoot, request.url);
    if (file === undefined) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = path.join(siteRoot, '404.html');
      if (existsSync(notFound)) send(request, response, 404, notFound);
      else response.writeHead(404).end('not found');
      return;
    }
    send(request, response, 200, file);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actualPort}` });
    });
  });
}

/**
 * Text is compressed when the browser accepts it, and Astro's hashed assets (`_astro/`) are
 * cached for good, as an intranet web server would be set up to do.
 */
function send(request: IncomingMessage, response: ServerResponse, status: number, file: string): void {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type };
  if (file.includes(`${path.sep}_astro${path.sep}`)) headers['cache-control'] = 'public, max-age=31536000, immutable';
  const compress = /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (!compress) {
    response.writeHead(status, headers);
    createReadStream(file).pipe(response);
    return;
  }
  response.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
  createReadStream(file).pipe(createGzip()).pipe(response);
}

/**
 * The file a request names, or undefined when it is malformed or lies outside the site: a
 * sibling folder that shares the site's name as a prefix (`dist-private`) is outside too.
 */
function requestedFile(siteRoot: string, url = '/'): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const file = path.join(siteRoot, pathname);
  return isWithin(file, siteRoot) ? file : undefined;
}
