/** Where a virtual machine appears in the Sparkplug namespace: one edge node (its gateway) with the machine as device. */
export interface SparkplugAddress {
  readonly groupId: string;
  readonly edgeNodeId: string;
  readonly deviceId: string;
}

/** The Sparkplug address of a simulated machine: group = the plant, edge node `GW-<equipment>`, device = the equipment id. */
export const sparkplugAddressOf = (groupId: string, equipmentId: string): SparkplugAddress =>
  ({ groupId, edgeNodeId: `GW-${equipmentId}`, deviceId: equipmentId });
