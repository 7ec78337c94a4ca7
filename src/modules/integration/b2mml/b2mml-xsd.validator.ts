import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator, type ErrorDetail } from 'libxml2-wasm';
import { B2MML_NAMESPACES, type B2mmlVersion } from './b2mml-version.constants.js';
import { problem, type Problem } from './problem.types.js';
import { allowSchemaFolder } from './schema-input.provider.js';
import { elementAtXPath } from './xsd-error.locator.js';
import type { XmlElementNode } from './xml-element.types.js';

/** Environment variable naming the folder that holds the MESA schemas (with V0600/ and V0701/ inside). */
export const SCHEMAS_ENV = 'TAKT_B2MML_SCHEMAS';

/** The schema files each version's validator is compiled from: every message Takt reads or writes. */
const SCHEMA_FILES: Readonly<Record<B2mmlVersion, readonly string[]>> = {
  V0600: ['ProductionSchedule', 'OperationsSchedule', 'Material', 'ConfirmBOD', 'ProductionPerformance', 'OperationsPerformance'].map(
    (n) => `B2MML-V0600-${n}.xsd`,
  ),
  V0701: ['OperationsSchedule', 'Material', 'ConfirmBOD', 'OperationsPerformance'].map((n) => `B2MML-${n}.xsd`),
};

/** A configuration error: the schema folder is missing, incomplete or does not compile. Not an input error. */
export class B2mmlSchemaError extends Error {
  override readonly name = 'B2mmlSchemaError';
}

/** The MESA schemas of one folder, each version compiled at most once and reused for every message. */
export interface B2mmlSchemas {
  readonly folder: string;
  /**
   * Validates a parsed document against its version's schema. Returns every error (up to `maxProblems`)
   * as XSD_INVALID with line and element path; [] when valid. Throws only B2mmlSchemaError (configuration).
   */
  validate(version: B2mmlVersion, document: XmlDocument, root: XmlElementNode, maxProblems?: number): Problem[];
  /** Compiles every version now instead of on first use (for start-up). */
  warmUp(): void;
  /** How many schema compilations this set has performed: at most one per version until disposed. */
  compilations(): number;
  /** Frees the native validators; the next validate compiles again. */
  dispose(): void;
}

const cache = new Map<string, B2mmlSchemas>();

/**
 * The schema set of `folder`, created once per folder per process. Checks every needed file exists and
 * throws B2mmlSchemaError naming what is missing; compiling happens lazily, once per version.
 */
export function loadB2mmlSchemas(folder: string): B2mmlSchemas {
  const resolved = path.resolve(folder);
  const cached = cache.get(resolved);
  if (cached !== undefined) return cached;
  for (const version of Object.keys(SCHEMA_FILES) as B2mmlVersion[]) {
    for (const file of SCHEMA_FILES[version]) {
      const full = path.join(resolved, version, file);
      if (!fs.existsSync(full)) {
        throw new B2mmlSchemaError(`B2MML schema folder ${resolved} is incomplete: ${version}/${file} is missing`);
      }
    }
  }
  allowSchemaFolder(resolved);
  const set = createSchemaSet(resolved);
  cache.set(resolved, set);
  return set;
}

/** The schemas named by TAKT_B2MML_SCHEMAS, or null when it is unset (XSD validation then is skipped). */
export function schemasFromEnvironment(env: NodeJS.ProcessEnv = process.env): B2mmlSchemas | null {
  const folder = env[SCHEMAS_ENV];
  return folder === undefined || folder.trim() === '' ? null : loadB2mmlSchemas(folder.trim());
}

/** Frees every compiled validator of every folder (shutdown, tests). */
export function disposeAllB2mmlSchemas(): void {
  for (const set of cache.values()) set.dispose();
  cache.clear();
}

interface Compiled {
  readonly schemaDocument: XmlDocument;
  readonly validator: XsdValidator;
}

function createSchemaSet(folder: string): B2mmlSchemas {
  const compiled = new Map<B2mmlVersion, Compiled>();
  let compilations = 0;
  const compiledFor = (version: B2mmlVersion): Compiled => {
    const existing = compiled.get(version);
    if (existing !== undefined) return existing;
    compilations += 1;
    const made = compile(folder, version);
    compiled.set(version, made);
    return made;
  };
  return {
    folder,
    validate(version, document, root, maxProblems = 100) {
      const { validator } = compiledFor(version);
      try {
        validator.validate(document);
        return [];
      } catch (error) {
        if (!(error instanceof XmlValidateError)) throw error;
        const details = error.details.length > 0 ? error.details : [{ message: error.message, line: 0, col: 0, level: 2 }];
        return details.slice(0, maxProblems).map((d) => toProblem(d, root));
      }
    },
    compilations: () => compilations,
    warmUp() {
      for (const version of Object.keys(SCHEMA_FILES) as B2mmlVersion[]) compiledFor(version);
    },
    dispose() {
      for (const c of compiled.values()) {
        c.validator.dispose();
        c.schemaDocument.dispose();
      }
      compiled.clear();
    },
  };
}

function compile(folder: string, version: B2mmlVersion): Compiled {
  const dir = path.join(folder, version);
  // One in-memory schema including every needed file: xsd:include targets resolve through the input provider.
  const includes = SCHEMA_FILES[version]
    .map((f) => `<xsd:include schemaLocation="${pathToFileURL(path.join(dir, f)).href}"/>`)
    .join('');
  const wrapper =
    `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" ` +
    `targetNamespace="${B2MML_NAMESPACES[version]}" elementFormDefault="qualified">${includes}</xsd:schema>`;
  const schemaDocument = XmlDocument.fromString(wrapper, { url: pathToFileURL(path.join(dir, 'takt-b2mml.xsd')).href });
  try {
    return { schemaDocument, validator: XsdValidator.fromDoc(schemaDocument) };
  } catch (error) {
    schemaDocument.dispose();
    const reason = error instanceof Error ? error.message.trim() : String(error);
    throw new B2mmlSchemaError(`B2MML ${version} schemas in ${dir} do not compile: ${reason}`);
  }
}

function toProblem(detail: ErrorDetail, root: XmlElementNode): Problem {
  const located = elementAtXPath(root, detail.xpath, detail.line);
  const message = detail.message.trim().replace(/\{http:\/\/www\.mesa\.org\/xml\/[^}]*\}/g, '');
  return problem('XSD_INVALID', message, located, detail.line);
}
