/**
 * A chart's PNG, drawn in the browser from its SVG on a canvas (no request): used by the server
 * charts' download links (ChartDownloads.astro) and by the compare chart (compare-chart.ts).
 */

/** Twice the drawing's size, so the picture stays sharp on a slide or in a document. */
const SCALE = 2;

/** Saves a file the browser holds, under the given name. */
export function saveFile(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** `svgHref` is a data: or blob: URL, or a file of the site, of a standalone SVG with a width and height. */
export async function savePng(svgHref: string, name: string) {
  const image = new Image();
  image.src = svgHref;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * SCALE;
  canvas.height = image.naturalHeight * SCALE;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) saveFile(blob, name);
}
