/** The B2MML releases Takt reads and writes. */
export type B2mmlVersion = 'V0600' | 'V0701';

/** The verbs Takt accepts inbound. Get/Show/Change/Cancel are not part of the ERP → MES exchange. */
export type InboundVerb = 'Process' | 'Sync';

/** The nouns Takt accepts inbound. */
export type InboundNoun = 'ProductionSchedule' | 'OperationsSchedule' | 'MaterialDefinition' | 'MaterialLot';

/** Target namespace of each supported release. */
export const B2MML_NAMESPACES: Readonly<Record<B2mmlVersion, string>> = {
  V0600: 'http://www.mesa.org/xml/B2MML-V0600',
  V0701: 'http://www.mesa.org/xml/B2MML',
};

/** Nouns each release defines that Takt reads (V0701 dropped the ProductionSchedule noun). */
export const INBOUND_NOUNS: Readonly<Record<B2mmlVersion, readonly InboundNoun[]>> = {
  V0600: ['ProductionSchedule', 'OperationsSchedule', 'MaterialDefinition', 'MaterialLot'],
  V0701: ['OperationsSchedule', 'MaterialDefinition', 'MaterialLot'],
};

export const INBOUND_VERBS: readonly InboundVerb[] = ['Process', 'Sync'];

/** "V0600 (http://...), V0701 (http://...)": used in every message that names what is supported. */
export function describeSupportedVersions(): string {
  return (Object.keys(B2MML_NAMESPACES) as B2mmlVersion[])
    .map((version) => `${version} (${B2MML_NAMESPACES[version]})`)
    .join(', ');
}

/** The root element names accepted for one release, e.g. `ProcessProductionSchedule`. */
export function supportedRootElements(version: B2mmlVersion): string[] {
  return INBOUND_NOUNS[version].flatMap((noun) => INBOUND_VERBS.map((verb) => `${verb}${noun}`));
}

/** The version whose namespace is `namespaceUri`, or null. */
export function versionOfNamespace(namespaceUri: string): B2mmlVersion | null {
  if (namespaceUri === B2MML_NAMESPACES.V0600) return 'V0600';
  if (namespaceUri === B2MML_NAMESPACES.V0701) return 'V0701';
  return null;
}
