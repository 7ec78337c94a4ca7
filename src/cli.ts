import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, DEFAULT_PORT, resolveConfig, type ConfigFlags } from './config.js';
import { CliError } from './cli/cli-error.js';

// Commands import Takt itself only when they run, so that --help and --version answer at once.
const serveCommands = () => import('./cli/serve.command.js');
const storeCommands = () => import('./cli/store-commands.js');
const integrationCommands = () => import('./modules/integration/index.js');
const backupCommands = () => import('./cli/backup.command.js');
const simulateCommand = () => import('./cli/simulate.command.js');

/** Exit codes: 0 done; 1 the journal chain is broken (or an anchor of it disagrees); 2 the command could not run (bad input, no store, store down). */
export const EXIT = { ok: 0, journalBroken: 1, failed: 2 } as const;

function version(): string {
  // From src/cli.ts the manifest is one folder up, from dist/src/cli.js two.
  for (const path of ['../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      /* try the next place */
    }
  }
  return '0.0.0';
}

function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'folder of the embedded SQLite store (env TAKT_DATA_DIR)', './data')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite, e.g. postgres://user@host:5432/takt (env TAKT_DATABASE_URL)');
}

/** Flags as given on the command line only: a default must not hide the environment variable. */
function given(cmd: Command): ConfigFlags {
  const opts = cmd.opts<{ data?: string; databaseUrl?: string; port?: string; host?: string; demo?: boolean; simulator?: boolean }>();
  const fromCli = (name: string): boolean => cmd.getOptionValueSource(name) === 'cli';
  return {
    data: fromCli('data') ? opts.data : undefined,
    databaseUrl: opts.databaseUrl,
    port: fromCli('port') ? opts.port : undefined,
    host: fromCli('host') ? opts.host : undefined,
    demo: opts.demo,
    simulator: opts.simulator,
  };
}

/** The `takt` command line: every command here works; none is a placeholder. */
export function buildProgram(): Command {
  const program = new Command('takt')
    .description('Takt: an open-source Manufacturing Execution System')
    .version(version())
    .exitOverride()
    .showHelpAfterError();

  storeOptions(program.command('serve'))
    .description('serve the API (and, on the first start of an empty store, load the demo plant)')
    .addOption(new Option('--port <port>', 'TCP port, 0 picks a free one (env TAKT_PORT)').default(String(DEFAULT_PORT)))
    .addOption(new Option('--host <host>', 'address to listen on; 0.0.0.0 for terminals on the network (env TAKT_HOST)').default('127.0.0.1'))
    .option('--no-demo', 'do not load the demo plant on the first start')
    .option('--no-simulator', 'do not run the plant simulator beside the demo plant (env TAKT_SIMULATOR=off)')
    .action(async (_opts, cmd: Command) => {
      const config = resolveConfig(given(cmd));
      await (await serveCommands()).serve(config);
    });

  storeOptions(program.command('demo'))
    .description('load the demo plant into the store')
    .action(async (_opts, cmd: Command) => {
      await (await serveCommands()).demo(resolveConfig(given(cmd)));
    });

  storeOptions(program.command('verify-journal'))
    .description('recompute the hash chain of the audit journal: exit 0 when it holds, 1 when it is broken')
    .option('--anchors [file]', 'also check the journal against the signed anchors of its head in FILE (default: env TAKT_ANCHOR_FILE, else <data>/journal-anchors.jsonl); exit 1 naming the first that disagrees')
    .option('--anchor-key <file>', 'the key the anchors were signed with, private or public .pub (default: env TAKT_ANCHOR_KEY, else <data>-anchor.key, else its .pub)')
    .action(async (opts: { anchors?: string | true; anchorKey?: string }, cmd: Command) => {
      const config = resolveConfig(given(cmd));
      if (opts.anchors !== undefined || opts.anchorKey !== undefined) {
        const file = typeof opts.anchors === 'string' ? resolve(opts.anchors) : config.anchor.file;
        const view = await (await storeCommands()).verifyAnchoredCommand(config, file, opts.anchorKey ? resolve(opts.anchorKey) : config.anchor.keyFile);
        process.stdout.write(`${JSON.stringify(view)}\n`);
        if (view.brokenAt !== undefined) process.stderr.write(`journal chain broken at seq ${view.brokenAt}\n`);
        const d = view.anchors.disagreement;
        if (d) process.stderr.write(`anchor at line ${d.line} of ${file}${d.seq === null ? '' : ` (seq ${d.seq}, ${d.at})`} disagrees (${d.problem}): ${d.detail}\n`);
        if (!view.ok) process.exitCode = EXIT.journalBroken;
        return;
      }
      const result = await (await storeCommands()).verifyJournalCommand(config);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.ok) {
        process.stderr.write(`journal chain broken at seq ${result.brokenAt}\n`);
        process.exitCode = EXIT.journalBroken;
      }
    });

  storeOptions(program.command('trace'))
    .description('trace a lot through the genealogy at any depth: what it was made from (--backward) or went into (--forward)')
    .argument('<lot>', 'the lot id')
    .option('--backward', 'inputs, down to raw materials (the default)')
    .option('--forward', 'everything made from it: the recall scope')
    .option('--json', 'print the API answer as JSON')
    .action(async (lot: string, opts: { backward?: boolean; forward?: boolean; json?: boolean }, cmd: Command) => {
      if (opts.backward && opts.forward) throw new CliError('give --backward or --forward, not both');
      const text = await (await storeCommands()).traceCommand(resolveConfig(given(cmd)), lot, opts.forward ? 'forward' : 'backward', opts.json === true);
      process.stdout.write(text);
    });

  storeOptions(program.command('import'))
    .description('import a B2MML message (schedule, material definitions or lots) from a file, whole or not at all; exit 2 when refused')
    .argument('<file>', 'the B2MML V0600/V0701 XML file (validated against TAKT_B2MML_SCHEMAS when set)')
    .action(async (file: string, _opts, cmd: Command) => {
      const result = await (await integrationCommands()).importB2mmlFile(resolveConfig(given(cmd)).store, file);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });

  program.command('simulate')
    .description('play the demo plant\'s machines: Sparkplug B edge nodes on an MQTT broker, one machine on OPC UA')
    .option('--seed <n>', 'the same seed plays the same plant (default 1)')
    .option('--broker <url>', 'MQTT broker, e.g. mqtt://127.0.0.1:1883 (env TAKT_MQTT_URL)')
    .option('--speed <x>', 'simulated seconds per real second (default 1)')
    .option('--duration <s>', 'stop after this many real seconds (default: run until interrupted)')
    .option('--opcua-port <port>', 'port of the OPC UA machine\'s server (default 4841)')
    .option('--no-opcua', 'every machine on Sparkplug B, none on OPC UA')
    .option('--data <dir>', 'folder whose pki/simulator holds the OPC UA certificates (env TAKT_DATA_DIR)')
    .action(async (opts: import('./cli/simulate.command.js').SimulateFlags) => {
      const { resolveSimulateOptions, simulate } = await simulateCommand();
      await simulate(resolveSimulateOptions(opts));
    });

  storeOptions(program.command('backup'))
    .description('copy the SQLite store to FILE while Takt may run (online backup), then verify the copy\'s journal chain; for PostgreSQL it explains pg_dump')
    .argument('<file>', 'the backup file to write (never overwritten)')
    .action(async (file: string, _opts, cmd: Command) => {
      const result = await (await backupCommands()).backupCommand(resolveConfig(given(cmd)), file);
      process.stdout.write(`${JSON.stringify({ file: result.file, bytes: result.bytes, journal: result.journal })}\n`);
    });

  storeOptions(program.command('restore'))
    .description('replace the SQLite store with a backup: refused while Takt serves the folder; the journal chain is verified before and after')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace an existing store')
    .action(async (file: string, opts: { force?: boolean }, cmd: Command) => {
      const result = await (await backupCommands()).restoreCommand(resolveConfig(given(cmd)), file, opts.force === true);
      process.stdout.write(`${JSON.stringify({ file: result.file, journal: result.journal })}\n`);
    });

  const user = program.command('user').description('manage users');
  storeOptions(user.command('add'))
    .description('add a user who can sign in (password from --password, TAKT_USER_PASSWORD, a prompt, or standard input)')
    .argument('<username>', 'the user name, also the person id')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role...>', 'one or more of admin, engineer, supervisor, operator, quality, integration')
    .option('--password <password>', 'the password (visible in the process list; prefer the prompt or TAKT_USER_PASSWORD)')
    .action(async (username: string, opts: { name: string; role: string[]; password?: string }, cmd: Command) => {
      const config = resolveConfig(given(cmd));
      const { readPassword, userAddCommand } = await storeCommands();
      const password = opts.password ?? (await readPassword());
      const person = await userAddCommand(config, { username, name: opts.name, roles: opts.role, password });
      process.stdout.write(`added user ${person.id} (${person.roles.join(', ')})\n`);
    });

  storeOptions(user.command('unlock'))
    .description('unlock an account locked after failed logins or signatures (journaled)')
    .argument('<username>', 'the user name')
    .option('--reason <reason>', 'why it is unlocked, for the journal')
    .action(async (username: string, opts: { reason?: string }, cmd: Command) => {
      await (await storeCommands()).userUnlockCommand(resolveConfig(given(cmd)), username, opts.reason);
      process.stdout.write(`unlocked user ${username}\n`);
    });

  return program;
}

/** Runs the command line; resolves to the exit code (serve keeps the process alive after it resolves). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    if (error instanceof CliError || error instanceof ConfigError) {
      process.stderr.write(`takt: ${error.message}\n`);
      return EXIT.failed;
    }
    const known = error instanceof Error ? systemProblem(error) : undefined;
    if (known) {
      process.stderr.write(`takt: ${known}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`takt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

/**
 * What a person can do about an error of the machine around Takt (a port taken, a database missing or refusing), in
 * one line without a stack trace; undefined for anything else, which is a fault of Takt's and keeps its stack.
 */
function systemProblem(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'EADDRINUSE':
      return `${error.message}: another program listens there; choose another port (--port, TAKT_PORT)`;
    case 'EACCES':
      return `${error.message}: not allowed (a port below 1024, or a folder this user may not write)`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return `${error.message}: no database answers there; start PostgreSQL or correct --database-url (TAKT_DATABASE_URL)`;
    case '3D000':
      return `${error.message}: create the database (createdb) or correct --database-url (TAKT_DATABASE_URL)`;
    case '28P01':
    case '28000':
      return `${error.message}: the database refused the user; correct the user or password in --database-url`;
    default:
      return undefined;
  }
}
