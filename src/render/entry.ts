/**
 * The server entry of the compiled renderer: what Astro's static build does per page (list each
 * route's paths through getStaticPaths, render each path), offered to the render workers
 * (src/render/worker.mjs) so a data build calls it without Vite. It follows Astro's static
 * generation (astro/dist/core/build/generate.js) so the pages come out byte for byte the same.
 */
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { takeModelReads } from '../site/model.ts';

/** A page to write: the URL path Astro renders, its route, the file it goes to and its HTTP status. */
export interface PagePath {
  pathname: string;
  component: string;
  /** Relative to the site. */
  file: string;
  /** 404 and 500 for the error pages, 200 for the others; any other status is a failed render. */
  status: number;
  /** What its route's getStaticPaths read of the model: the page's props come from it. */
  listingReads: string[];
}

/** A rendered page and what it read of the model while rendering (src/site/model.ts). */
export interface RenderedPage {
  status: number;
  /** UTF-8. */
  html: Uint8Array;
  reads: string[];
}

/** What the compiled entry offers the render workers. */
export interface RendererExports {
  /** Loads what rendering loads on first use, so that a worker does it before its pages come. */
  preload(): Promise<void>;
  pagePaths(): Promise<PagePath[]>;
  renderPage(page: PagePath): Promise<RenderedPage>;
}

/** Error pages are written as `404.html` beside the index in directory format, as Astro does. */
const STATUS_CODE_PAGES = new Set(['/404', '/500']);

/** With no `site` configured, Astro's static build requests pages from the dev server's default origin. */
const DEFAULT_ORIGIN = 'http://localhost:4321';

export function createExports(manifest: SSRManifest): RendererExports {
  // Not streamed, as in Astro's static build (its BuildPipeline streams only a server build): each
  // page is rendered to one string, without an async iterator handing over every chunk.
  const app = new App(manifest, false);
  const routes = manifest.routes.map((info) => info.routeData).filter((route) => route.type === 'page' && route.origin !== 'internal');
  // Marked prerendered, as in Astro's static build: the App then calls getStaticPaths itself
  // (once per route) and hands each page the props its path returned. Changed in place, since
  // the App finds a route's styles and scripts by the identity of its route object.
  for (const route of routes) route.prerender = true;
  const routeOf = new Map(routes.map((route) => [route.component, route]));
  const origin = manifest.site ? new URL(manifest.site).origin : DEFAULT_ORIGIN;

  async function pageModule(component: string) {
    const load = manifest.pageMap?.get(component);
    if (!load) throw new Error(`the compiled renderer has no module for ${component}`);
    const entry = await load();
    return entry.page();
  }

  /**
   * Astro loads a route's module when it first renders one of its pages, and Node its Request and
   * Response classes when first made: some 0.2 s that would otherwise fall inside the render. No
   * module reads the model when loaded, so this can run before the model is written.
   */
  async function preload(): Promise<void> {
    for (const route of routes) await pageModule(route.component);
    await new Response(new Request(origin).url).arrayBuffer();
  }

  /** Every page the site has, in Astro's route order, for the model the worker was started with. */
  async function pagePaths(): Promise<PagePath[]> {
    const pages: PagePath[] = [];
    for (const route of routes) {
      takeModelReads();
      const names = route.pathname !== undefined ? [route.pathname] : await dynamicPaths(route);
      const listingReads = takeModelReads();
      const status = STATUS_CODE_PAGES.has(route.route) ? Number(route.route.slice(1)) : 200;
      for (const pathname of names) pages.push({ pathname, component: route.component, file: outputFile(pathname), status, listingReads });
    }
    return pages;
  }

  async function dynamicPaths(route: (typeof routes)[number]): Promise<string[]> {
    const mod = await pageModule(route.component);
    if (typeof mod.getStaticPaths !== 'function') throw new Error(`${route.component} is a dynamic route without getStaticPaths`);
    const paginate = () => {
      throw new Error(`${route.component}: the compiled renderer lists pages without paginate(); list them in getStaticPaths`);
    };
    const entries = (await mod.getStaticPaths({ paginate, routePattern: route.route })) as { params: Record<string, string | undefined> }[];
    return entries.flat().map((entry) => route.generate(entry.params));
  }

  /** Astro's output file name in directory format (astro/dist/core/util.js getOutputFilename). */
  function outputFile(pathname: string): string {
    if (pathname === '/' || pathname === '') return 'index.html';
    const trimmed = pathname.replace(/^\/+|\/+$/g, '');
    return STATUS_CODE_PAGES.has(`/${trimmed}`) ? `${trimmed}.html` : `${trimmed}/index.html`;
  }

  /** The HTML of one page, requested at the URL Astro's static build would use. */
  async function renderPage(page: PagePath): Promise<RenderedPage> {
    const routeData = routeOf.get(page.component);
    if (!routeData) throw new Error(`the compiled renderer has no route for ${page.component}`);
    const url = new URL(requestPath(manifest.base, page.pathname, manifest.trailingSlash), origin);
    takeModelReads();
    const response = await app.render(new Request(url), { routeData });
    // The bytes Astro encoded, written as they are: decoding them to a string only for the file
    // write to encode it again cost about 0.6 ms a page.
    const html = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, html, reads: takeModelReads() };
  }

  return { preload, pagePaths, renderPage };
}

/** The request path of a page, as Astro's static build forms it (getUrlForPath, directory format). */
function requestPath(base: string, pathname: string, trailingSlash: string): string {
  if (pathname === '/' || pathname === '') return base;
  const relative = pathname.replace(/^\/+|\/+$/g, '') + (trailingSlash === 'never' ? '' : '/');
  return `${base.replace(/\/$/, '')}/${relative}`;
}
