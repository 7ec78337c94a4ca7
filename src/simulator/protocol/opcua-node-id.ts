/** The OPC UA NodeId of a machine tag on the simulator's server: `ns=1;s=<equipment>/<tag>`. */
export const opcUaNodeIdOf = (equipmentId: string, tag: string): string => `ns=1;s=${equipmentId}/${tag}`;
