import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { runRead } from '../../../platform/store/read-together.js';
import { OUTPUT_LOT_STATUSES, outputLotStatusRead, putOutputLotStatus } from './output-lot-status.js';

const URL = '/api/v1/production/output-lot-status';

/** The status new output lots arrive in: read by anyone, set by administrators. */
export function registerOutputLotStatusRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  queryRoute(app, {
    url: URL, roles: ANY_ROLE, tags: ['execution'],
    summary: 'The status a new output lot arrives in: released (default) or quarantine (the quality unit releases it before use)',
    handler: async () => ({ status: await runRead(store.db, outputLotStatusRead()) }),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: URL, roles: [], tags: ['execution'], body: z.strictObject({ status: z.enum(OUTPUT_LOT_STATUSES) }),
    summary: 'Set the status new output lots arrive in (administrators); journaled with before and after',
    command: putOutputLotStatus, input: (_p, b) => b,
  });
}
