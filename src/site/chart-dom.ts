/**
 * A DOM just big enough for Observable Plot to draw the site's charts in on the server, and to
 * write them out as HTML. linkedom served before, and wrote the same bytes, but it gives every
 * node and every attribute an entry in a WeakMap of event listeners: a chart is thousands of
 * them, and creating and collecting those entries was the render stage's largest cost (README,
 * Performance). Charts only build trees and serialize them, so that is all this does: what
 * Plot's marks and d3-selection call while drawing the site's charts (elements, attributes,
 * inline styles set as properties, text), and outerHTML as an HTML parser writes inline SVG. A
 * Plot feature that calls what this lacks (pointer interactions' event listeners, tips measured
 * with getBBox, legends in a figure) fails with a TypeError, not with a wrong drawing.
 * It sits in the site layer with the document every chart draws in, the mending that makes a
 * drawing valid, accessible HTML and the form of an SVG file of its own, since the export stage
 * draws too: a peer chart's shared layer (peer-chart.ts).
 */

/** Text as HTML writes it: the characters that would start markup, and no-break spaces, as references. */
const TEXT_SPECIAL = /[<>&\u00a0]/g;
const TEXT_REFERENCES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '\u00a0': '&#160;' };
const escapeText = (text: string) => text.replace(TEXT_SPECIAL, (c) => TEXT_REFERENCES[c]!);
/**
 * An attribute value as the HTML serializer writes it: the quote that would end it, and the
 * ampersand, so data such as "A&amp;B" reads back as itself rather than as "A&B".
 */
const ATTRIBUTE_SPECIAL = /[&"\u00a0]/g;
const ATTRIBUTE_REFERENCES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '\u00a0': '&#160;' };
const escapeAttribute = (value: string) => value.replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_REFERENCES[c]!);
/** A style property's name in CSS from its name in script: fontSize → font-size. */
const cssName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type ChartNode = ChartElement | ChartText;

export class ChartText {
  readonly nodeType = 3;
  parentNode: ChartElement | null = null;
  constructor(readonly data: string) {}
  toString(): string {
    return escapeText(this.data);
  }
}

export class ChartElement {
  readonly nodeType = 1;
  /** What d3-selection reads to create children in the same namespace: every element is SVG. */
  readonly namespaceURI = 'http://www.w3.org/2000/svg';
  parentNode: ChartElement | null = null;
  readonly childNodes: ChartNode[] = [];
  /** In the order first set; written newest first, as the HTML parser of the pages did (linkedom). */
  readonly #attributes = new Map<string, string>();
  /** Inline style properties by CSS name, kept in the `style` attribute. */
  readonly #style = new Map<string, string>();
  #styleDeclaration: Record<string, string> | undefined;

  constructor(
    readonly ownerDocument: ChartDocument,
    readonly localName: string,
  ) {}

  /** Properties to set, as Plot sets a chart's `style` option (Object.assign); made when first asked for. */
  get style(): Record<string, string> {
    return (this.#styleDeclaration ??= new Proxy({} as Record<string, string>, {
      get: (_, name) => (typeof name === 'string' ? (this.#style.get(cssName(name)) ?? '') : undefined),
      set: (_, name, value: unknown) => {
        if (typeof name !== 'string') return false;
        if (value === null || value === undefined || value === '') this.#style.delete(cssName(name));
        else this.#style.set(cssName(name), String(value));
        if (this.#style.size === 0) this.#attributes.delete('style');
        else this.#attributes.set('style', [...this.#style].map(([key, v]) => `${key}:${v}`).join(';'));
        return true;
      },
    }));
  }
  set style(_: unknown) {
    throw new Error('chart DOM: give inline styles as an object of properties');
  }

  get children(): ChartElement[] {
    return this.childNodes.filter((node): node is ChartElement => node instanceof ChartElement);
  }
  get firstChild(): ChartNode | null {
    return this.childNodes[0] ?? null;
  }

  setAttribute(name: string, value: unknown): void {
    if (name === 'style') throw new Error('chart DOM: set inline styles through .style');
    this.#attributes.set(name, String(value));
  }
  removeAttribute(name: string): void {
    if (name === 'style') this.#style.clear();
    this.#attributes.delete(name);
  }

  insertBefore<T extends ChartNode>(node: T, before: ChartNode | null): T {
    node.parentNode?.removeChild(node);
    const at = before === null ? -1 : this.childNodes.indexOf(before);
    if (before !== null && at < 0) throw new Error('chart DOM: insertBefore a node that is not a child');
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  }
  appendChild<T extends ChartNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  removeChild<T extends ChartNode>(node: T): T {
    const at = this.childNodes.indexOf(node);
    if (at < 0) throw new Error('chart DOM: removeChild of a node that is not a child');
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  prepend(...nodes: ChartNode[]): void {
    const first = this.firstChild;
    for (const node of nodes) this.insertBefore(node, first);
  }

  set textContent(text: string | null) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes.length = 0;
    if (text !== null && text !== undefined && text !== '') this.appendChild(new ChartText(String(text)));
  }

  /** As inline SVG in an HTML page: every attribute double-quoted, an element without children closed with ` />`. */
  get outerHTML(): string {
    return this.toString();
  }
  toString(): string {
    let open = `<${this.localName}`;
    for (const name of [...this.#attributes.keys()].reverse()) open += ` ${name}="${escapeAttribute(this.#attributes.get(name)!)}"`;
    return this.childNodes.length === 0 ? `${open} />` : `${open}>${this.childNodes.join('')}</${this.localName}>`;
  }
}

/** The document Plot is given (its `document` option): it only creates elements. */
export class ChartDocument {
  /** What Plot creates its first elements from (d3-selection's creator reads its document and namespace). */
  readonly documentElement: ChartElement = new ChartElement(this, 'html');
  createElementNS(_namespace: string | null, name: string): ChartElement {
    return new ChartElement(this, name);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

// One document for the whole process: Plot only creates elements with it, and each chart is
// serialized and dropped at once, so nothing accumulates.
const document = new ChartDocument();
/** The document to give Plot, typed as the browser's, which Plot's options expect. */
export const chartDocument = (): Document => document as unknown as Document;

/**
 * Plot names each mark's group with aria-label ("line", "dot"), which ARIA does not allow on a
 * plain <g>; the chart is one image, named by its title. Its stylesheet moves to the page's CSS.
 */
export function mend(svg: ChartElement, input: { label: string; description: string }) {
  const inside = (element: ChartElement): ChartElement[] => element.children.flatMap((child) => [child, ...inside(child)]);
  for (const element of inside(svg)) {
    if (element.localName === 'style') element.remove();
    else element.removeAttribute('aria-label');
  }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', input.label);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = input.label;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.textContent = input.description;
  svg.prepend(title, desc);
}

/** The page's stylesheet does not travel with an SVG file: the fonts it needs do. */
const standaloneStyle = (background: string) => `<style>svg{background:${background};font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}text{white-space:pre}</style>`;

/**
 * The SVG as a file of its own: its namespace, a size from its viewBox (for the PNG), and its
 * fonts. White behind it by default; `none` for a layer a page shows over its own background.
 */
export function standaloneSvg(svg: string, { background = '#fff' }: { background?: string } = {}): string {
  const viewBox = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const size = viewBox ? ` width="${viewBox[1]}" height="${viewBox[2]}"` : '';
  return svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => `<svg xmlns="${SVG_NS}"${attributes.replace(/\sxmlns="[^"]*"/, '')}${size}>${standaloneStyle(background)}`);
}
