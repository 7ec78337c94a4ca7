/** Product: materials and product definitions (BOM + routing) as versioned, approved revisions. */
export { registerMaterialRoutes, uomField } from './materials/materials.routes.js';
export { putMaterial } from './materials/put-material.command.js';
export { findMaterial, materialRead, findMaterials, listMaterials, type Material } from './materials/material.repository.js';
export { registerRevisionRoutes, presentRevision } from './revisions/revisions.routes.js';
export { createRevision, updateDraft, approveRevision } from './revisions/revision.commands.js';
export { findRevision, approvedRevision, listRevisions, type ProductRevision, type RevisionStatus } from './revisions/revision.repository.js';
export type { BomLine, RoutingStep, Characteristic, RevisionContent } from './revisions/revision-content.schema.js';
export { revisionContentSchema, characteristicSchema } from './revisions/revision-content.schema.js';
