/**
 * A DOM just big enough for Observable Plot to draw a chart in on the server, and to write the
 * chart out as HTML. linkedom served before, and wrote the same bytes, but it gives every node
 * and every attribute an entry in a WeakMap of event listeners: a chart is thousands of them,
 * and creating and collecting those entries was the render stage's largest cost (README,
 * Performance). Charts only build trees and serialize them, so that is all this does: the
 * methods Plot's marks and d3-selection call while drawing (elements, attributes, inline
 * styles, text), and outerHTML as an HTML parser writes inline SVG. A Plot feature that calls
 * what this lacks (pointer interactions' event listeners, tips measured with getBBox) fails
 * with a TypeError, not with a wrong drawing.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text as HTML writes it: the characters that would start markup, and no-break spaces, as references. */
const TEXT_SPECIAL = /[<>&\u00a0]/g;
const TEXT_REFERENCES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '\u00a0': '&#160;' };
const escapeText = (text: string) => text.replace(TEXT_SPECIAL, (c) => TEXT_REFERENCES[c]!);
/** A double-quoted attribute value ends only at a quote; nothing else needs a reference. */
const escapeAttribute = (value: string) => value.replace(/"/g, '&quot;');
/** A style property's name in CSS from its name in script: fontSize → font-size. */
const cssName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type ChartNode = ChartElement | ChartText;
type StyleDeclaration = Record<string, string> & { setProperty(name: string, value: string | null): void; removeProperty(name: string): void };

export class ChartText {
  readonly nodeType = 3;
  parentNode: ChartElement | null = null;
  constructor(
    readonly ownerDocument: ChartDocument,
    public data: string,
  ) {}
  get textContent(): string {
    return this.data;
  }
  toString(): string {
    return escapeText(this.data);
  }
}

export class ChartElement {
  readonly nodeType = 1;
  readonly namespaceURI = SVG_NS;
  parentNode: ChartElement | null = null;
  readonly childNodes: ChartNode[] = [];
  /** In the order first set; written newest first, as the HTML parser of the pages did (linkedom). */
  readonly #attributes = new Map<string, string>();
  /** Inline style properties by CSS name, kept in the `style` attribute. */
  readonly #style = new Map<string, string>();
  readonly #styleDeclaration: StyleDeclaration;

  constructor(
    readonly ownerDocument: ChartDocument,
    readonly localName: string,
  ) {
    const setProperty = (name: string, value: string | null) => {
      if (value === null || value === undefined || value === '') this.#style.delete(name);
      else this.#style.set(name, String(value));
      if (this.#style.size === 0) this.#attributes.delete('style');
      else this.#attributes.set('style', [...this.#style].map(([key, v]) => `${key}:${v}`).join(';'));
    };
    const methods = { setProperty, removeProperty: (name: string) => setProperty(name, null) };
    this.#styleDeclaration = new Proxy(methods, {
      get: (target, name) => (name in target ? target[name as keyof typeof methods] : typeof name === 'string' ? (this.#style.get(cssName(name)) ?? '') : undefined),
      set: (_, name, value: string | null) => {
        if (typeof name !== 'string') return false;
        setProperty(cssName(name), value);
        return true;
      },
    }) as StyleDeclaration;
  }

  get style(): StyleDeclaration {
    return this.#styleDeclaration;
  }
  set style(_: unknown) {
    throw new Error('chart DOM: give inline styles as an object of properties');
  }

  get tagName(): string {
    return this.localName;
  }
  get children(): ChartElement[] {
    return this.childNodes.filter((node): node is ChartElement => node instanceof ChartElement);
  }
  get firstChild(): ChartNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): ChartNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): ChartNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) + 1] ?? null;
  }

  setAttribute(name: string, value: unknown): void {
    if (name === 'style') throw new Error('chart DOM: set inline styles through .style');
    this.#attributes.set(name, String(value));
  }
  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.#attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.#attributes.has(name);
  }
  removeAttribute(name: string): void {
    if (name === 'style') this.#style.clear();
    this.#attributes.delete(name);
  }
  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
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
  append(...nodes: (ChartNode | string)[]): void {
    for (const node of nodes) this.appendChild(typeof node === 'string' ? new ChartText(this.ownerDocument, node) : node);
  }
  prepend(...nodes: (ChartNode | string)[]): void {
    const first = this.firstChild;
    for (const node of nodes) this.insertBefore(typeof node === 'string' ? new ChartText(this.ownerDocument, node) : node, first);
  }

  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }
  set textContent(text: string | null) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes.length = 0;
    if (text !== null && text !== undefined && text !== '') this.appendChild(new ChartText(this.ownerDocument, String(text)));
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

/** The document Plot is given (its `document` option): it only creates nodes. */
export class ChartDocument {
  readonly documentElement: ChartElement = new ChartElement(this, 'html');
  createElementNS(_namespace: string | null, name: string): ChartElement {
    return new ChartElement(this, name);
  }
  createElement(name: string): ChartElement {
    return new ChartElement(this, name);
  }
  createTextNode(text: string): ChartText {
    return new ChartText(this, text);
  }
}
