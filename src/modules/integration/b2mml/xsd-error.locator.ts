import { pathOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/**
 * Turns libxml2's XPath of a validation error into Takt's named path
 * (`/ProcessProductionSchedule/DataArea/ProductionSchedule`), the form every other check uses. libxml2 writes an
 * element in a default namespace as `*[n]` (n counts every element sibling) and one with a prefix, or in no
 * namespace, by name (`b:DataArea`, `MaterialLot[2]`, n counting siblings of that name); prefixes are dropped, as
 * Takt matches elements by local name. Steps that are not element steps (attributes, text) and steps that lead
 * nowhere are appended verbatim. Without an XPath, the deepest element starting on `line` is used, else the root.
 */
export function elementAtXPath(root: XmlElementNode, xpath: string | undefined, line: number): string {
  if (xpath === undefined || !xpath.startsWith('/')) return pathOf(deepestOnLine(root, line) ?? root);
  const steps = xpath.split('/').slice(1);
  let current = root;
  const rest: string[] = [];
  for (const [i, step] of steps.entries()) {
    const m = /^(?:\*|(?:[^:[\]@()]+:)?([^:[\]@()]+))(?:\[(\d+)\])?$/.exec(step);
    if (m === null || rest.length > 0) {
      rest.push(step);
      continue;
    }
    if (i === 0) continue;
    const name = m[1];
    const candidates = name === undefined ? current.children : current.children.filter((c) => c.name === name);
    const next = candidates[Number(m[2] ?? '1') - 1];
    if (next === undefined) {
      rest.push(step);
      continue;
    }
    current = next;
  }
  return rest.length === 0 ? pathOf(current) : `${pathOf(current)}/${rest.join('/')}`;
}

function deepestOnLine(element: XmlElementNode, line: number): XmlElementNode | null {
  let found: XmlElementNode | null = element.line === line ? element : null;
  for (const c of element.children) {
    const inner = deepestOnLine(c, line);
    if (inner !== null) found = inner;
  }
  return found;
}
