// @ts-check
/** How a read of one site.json field is named among a page's model reads (src/site/model.ts, page-cache.mjs). */
export const SITE_FIELD_PREFIX = 'site.json#';
