import type { XmlElementNode } from './xml-element.types.js';

/** First child element named `name`, or null. */
export function child(element: XmlElementNode, name: string): XmlElementNode | null {
  for (const c of element.children) if (c.name === name) return c;
  return null;
}

/** Every child element named `name`, in document order. */
export function children(element: XmlElementNode, name: string): XmlElementNode[] {
  return element.children.filter((c) => c.name === name);
}

/** Trimmed text of the first child named `name`; null when absent or blank. */
export function childText(element: XmlElementNode, name: string): string | null {
  const c = child(element, name);
  return c === null ? null : textOf(c);
}

/** Trimmed text of an element; null when blank. */
export function textOf(element: XmlElementNode): string | null {
  const t = element.text.trim();
  return t === '' ? null : t;
}

/**
 * XPath-like location of an element, e.g. `/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]/ID`.
 * A position is written only where siblings share the name, as libxml2's xmlGetNodePath does.
 */
export function pathOf(element: XmlElementNode): string {
  const steps: string[] = [];
  for (let e: XmlElementNode | null = element; e !== null; e = e.parent) {
    steps.push(e.position > 0 ? `${e.name}[${e.position}]` : e.name);
  }
  return `/${steps.reverse().join('/')}`;
}

/** Path of a child that is absent: the parent's path plus the missing name. */
export function missingChildPath(parent: XmlElementNode, name: string): string {
  return `${pathOf(parent)}/${name}`;
}
