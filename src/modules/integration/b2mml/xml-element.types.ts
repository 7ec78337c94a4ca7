/**
 * A parsed element, detached from the native document so translation is plain TypeScript.
 * Elements are matched by local name; the root's namespace decides the B2MML version.
 */
export interface XmlElementNode {
  readonly name: string;
  /** 1-based source line of the start tag. */
  readonly line: number;
  /** Text of a leaf element (untrimmed); empty for elements with element children. */
  readonly text: string;
  readonly children: readonly XmlElementNode[];
  readonly parent: XmlElementNode | null;
  /** Position among same-named siblings (1-based), 0 when the element is the only one of its name. */
  readonly position: number;
  /** Attributes, read only for the few elements whose attributes Takt needs (see ATTRIBUTE_ELEMENTS). */
  readonly attributes: Readonly<Record<string, string>>;
}
