/** Resources: the ISA-95 equipment hierarchy, people (who are the users) and their qualifications. */
export { registerHierarchyRoutes } from './hierarchy/hierarchy.routes.js';
export { putNode, type PutNode } from './hierarchy/put-node.command.js';
export { findNode, nodeRead, listNodes, equipmentBelow, type HierarchyNode } from './hierarchy/hierarchy.repository.js';
export { registerPeopleRoutes, passwordField } from './people/people.routes.js';
export { putPerson, putQualification, type PutPerson, type PutQualification } from './people/put-person.command.js';
export { findPerson, findPrincipals, updatePerson, lockPerson, qualificationsOf, countPeople, type Person, type Qualification } from './people/people.repository.js';
