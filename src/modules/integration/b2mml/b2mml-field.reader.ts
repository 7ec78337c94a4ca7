import { parseDateTime } from './b2mml-datetime.parser.js';
import type { B2mmlVersion } from './b2mml-version.constants.js';
import type { TextRef, TimeRef } from './inbound-message.types.js';
import { problem, type Problem } from './problem.types.js';
import { child, pathOf, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/** What every translator carries: the release being read and the problems found so far. */
export interface TranslationContext {
  readonly version: B2mmlVersion;
  readonly problems: Problem[];
}

/** The trimmed text of child `name` with its location; null when absent or blank. */
export function readRef(parent: XmlElementNode, name: string): TextRef | null {
  const c = child(parent, name);
  return c === null ? null : refOf(c);
}

/** An element's trimmed text with its location; null when blank. */
export function refOf(element: XmlElementNode): TextRef | null {
  const value = textOf(element);
  return value === null ? null : { value, path: pathOf(element), line: element.line };
}

/** Child `name` read as xs:dateTime; reports INVALID_DATETIME and yields null when it is not one. */
export function readTime(ctx: TranslationContext, parent: XmlElementNode, name: string): TimeRef | null {
  const c = child(parent, name);
  if (c === null) return null;
  const text = textOf(c) ?? '';
  const instant = parseDateTime(text);
  if (instant === null) {
    ctx.problems.push(problem('INVALID_DATETIME', `${name} '${text}' is not an xs:dateTime`, pathOf(c), c.line));
    return null;
  }
  return { ...instant, path: pathOf(c), line: c.line };
}

/** Child `name` checked against a code list; reports INVALID_VALUE naming the allowed codes. */
export function readCode(
  ctx: TranslationContext,
  parent: XmlElementNode,
  name: string,
  allowed: ReadonlySet<string>,
): string | null {
  const c = child(parent, name);
  if (c === null) return null;
  const value = textOf(c) ?? '';
  if (allowed.has(value)) return value;
  ctx.problems.push(
    problem('INVALID_VALUE', `${name} '${value}' is not one of: ${[...allowed].join(', ')}`, pathOf(c), c.line),
  );
  return null;
}

/** Reports MISSING_ELEMENT for a child the message cannot do without. */
export function reportMissing(ctx: TranslationContext, parent: XmlElementNode, name: string): void {
  ctx.problems.push(problem('MISSING_ELEMENT', `${name} is required here`, `${pathOf(parent)}/${name}`, parent.line));
}
