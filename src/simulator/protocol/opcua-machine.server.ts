import { mkdirSync } from 'node:fs';
import { DataType, OPCUACertificateManager, OPCUAServer, StatusCodes, Variant, type UAVariable } from 'node-opcua';
import type { MachineEvent, VirtualMachine } from '../model/virtual-machine.js';
import { coalesceCounts, MACHINE_TAGS, PACKML_STATE_OF } from './machine-tags.js';

export { opcUaNodeIdOf } from './opcua-node-id.js';

export interface OpcUaMachine {
  /** `opc.tcp://127.0.0.1:<port>`. */
  readonly endpointUrl: string;
  readonly port: number;
  publish(events: readonly MachineEvent[]): void;
  stop(): Promise<void>;
}

export interface OpcUaMachineOptions {
  readonly machine: VirtualMachine;
  readonly port: number;
  readonly pkiDir: string;
  readonly stamp: (simulated: number) => number;
}

/**
 * Exposes one virtual machine through an OPC UA server with a PackML-like address space: an object named after
 * the equipment holding `Status/StateCurrent` (Int32, PackML number), `Status/StopReason` (String),
 * `Admin/ProdProcessedCount` and `Admin/ProdDefectiveCount` (UInt32 counters) and its process values (Double), each
 * value set with the time the machine measured it, so a subscription sees every change. Anonymous, no security:
 * a simulator on the local machine.
 */
export async function startOpcUaMachine(options: OpcUaMachineOptions): Promise<OpcUaMachine> {
  const { machine } = options;
  const id = machine.profile.equipmentId;
  mkdirSync(options.pkiDir, { recursive: true });
  const certificates = new OPCUACertificateManager({ rootFolder: options.pkiDir, automaticallyAcceptUnknownCertificate: true });
  await certificates.initialize();
  const server = new OPCUAServer({
    port: options.port,
    serverCertificateManager: certificates,
    allowAnonymous: true,
    alternateHostname: ['127.0.0.1'], // the endpoint the simulator announces
    buildInfo: { productName: 'Takt plant simulator', manufacturerName: 'Takt' },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('the OPC UA server has no address space');
  const ns = addressSpace.getOwnNamespace();
  const root = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: id, nodeId: `s=${id}` });
  const snapshot = machine.snapshot();
  const variables = new Map<string, { variable: UAVariable; dataType: DataType }>();
  const add = (tag: string, dataType: DataType, value: number | string | null): void => {
    const variable = ns.addVariable({
      componentOf: root, browseName: tag, nodeId: `s=${id}/${tag}`, dataType: DataType[dataType], minimumSamplingInterval: 0,
    });
    variables.set(tag, { variable, dataType });
    set(tag, value, Date.now());
  };
  const set = (tag: string, value: number | string | null, at: number): void => {
    const v = variables.get(tag);
    if (!v) return;
    if (value === null) v.variable.setValueFromSource(new Variant({ dataType: DataType.Null }), StatusCodes.UncertainInitialValue, new Date(at));
    else v.variable.setValueFromSource(new Variant({ dataType: v.dataType, value }), StatusCodes.Good, new Date(at));
  };
  add(MACHINE_TAGS.state, DataType.Int32, PACKML_STATE_OF[snapshot.state]);
  add(MACHINE_TAGS.reason, DataType.String, snapshot.reason ?? '');
  add(MACHINE_TAGS.total, DataType.UInt32, snapshot.total);
  add(MACHINE_TAGS.reject, DataType.UInt32, snapshot.reject);
  for (const pv of machine.profile.processValues) add(pv.metric, DataType.Double, snapshot.process[pv.metric] ?? null);
  await server.start();
  const port = server.endpoints[0]?.port ?? options.port;
  let stopping: Promise<void> | undefined;

  return {
    endpointUrl: `opc.tcp://127.0.0.1:${port}`,
    port,
    publish(events) {
      for (const e of coalesceCounts(events)) {
        const at = options.stamp(e.at);
        if (e.kind === 'state') {
          set(MACHINE_TAGS.reason, e.reason ?? '', at);
          set(MACHINE_TAGS.state, PACKML_STATE_OF[e.state], at);
        } else if (e.kind === 'counts') {
          set(MACHINE_TAGS.total, e.total % 2 ** 32, at);
          set(MACHINE_TAGS.reject, e.reject % 2 ** 32, at);
        } else set(e.metric, e.value, at);
      }
    },
    stop() {
      stopping ??= server.shutdown(0);
      return stopping;
    },
  };
}
