import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../../../platform/store/database.js';
import { GenealogyGraph } from './genealogy-graph.js';
import { readJournal, readJournalHead } from '../../../platform/journal/journal.repository.js';
import { NO_WORK_ORDER } from './genealogy-edge.constants.js';
import { edgePage, lastConsumptionId, lotPage, pendingInRange, type EdgeKey } from './genealogy-index.repository.js';
import { edgesOutOf, materialsOf, openConsumptionsOf } from './trace.repository.js';
import { traceInGraph } from './genealogy-graph.js';
import type { TraceResult } from './trace-graph.js';
import type { TraceOptions } from './trace-lot.query.js';
import type { TraceDirection } from './trace.repository.js';

export interface GenealogyIndexOptions {
  /** Rows read per statement while loading (default 20,000: a page blocks the event loop for a few ms only). */
  readonly pageSize?: number;
  /**
   * The most edges held (default 20 million, about 1.7 GB): a genealogy beyond it is not held, and traces walk the
   * store. Measured at about 85 bytes an edge (docs/benchmarks.md).
   */
  readonly maxEdges?: number;
  /** How long after a failed load the next trace tries again (default one minute). */
  readonly retryMs?: number;
  readonly logger?: { info(details: Record<string, unknown>, text: string): void; warn(details: Record<string, unknown>, text: string): void };
}

export type GenealogyIndexState = 'idle' | 'loading' | 'ready' | 'failed' | 'too-large' | 'stopped';

export interface GenealogyIndexStatus {
  readonly state: GenealogyIndexState;
  readonly edges: number;
  /** The journal seq the graph reflects. */
  readonly syncedSeq: number;
  readonly loadMs: number | null;
  readonly columnBytes: number;
  /** Lot and order ids not ranked in id order yet (ranked in the background after the load and as new ones come). */
  readonly unranked: number;
}

const EVENTS_PAGE = 5000;
const CONSUMPTION_RANGE = 50_000;

/**
 * The genealogy in memory for traces, a read model of the store: loaded once (page by page, in the background), then
 * before every trace brought up to date with what was committed since, so a trace answers as the store stands when it
 * is asked, on any node. What changed is found through the journal: every write to the genealogy (an edge, a
 * consumption, a lot) is journaled in its transaction as an event of a lot it touches, and seq follows commit order;
 * each such lot's edges, material and pending consumptions are read again in one snapshot and replace what the graph
 * held. Until it is loaded (and if loading failed) traces walk the store as before.
 */
export class GenealogyIndex {
  private graph = new GenealogyGraph();
  private state: GenealogyIndexState = 'idle';
  private synced = 0;
  private loadMs: number | null = null;
  private loading: Promise<void> | null = null;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private ranking: Promise<void> | null = null;
  private failedAt = 0;
  private readonly pageSize: number;
  private readonly maxEdges: number;

  constructor(private readonly store: Store, private readonly options: GenealogyIndexOptions = {}) {
    this.pageSize = options.pageSize ?? 20_000;
    this.maxEdges = options.maxEdges ?? 20_000_000;
  }

  /** Starts loading (once) and resolves when the graph is ready; rejects when loading failed. */
  warm(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  status(): GenealogyIndexStatus {
    return { state: this.state, edges: this.graph.edges, syncedSeq: this.synced, loadMs: this.loadMs, columnBytes: this.graph.columnBytes, unranked: this.graph.unranked };
  }

  /** Stops loading and answering (traces walk the store); waits for a page being read. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    await this.loading?.catch(() => undefined);
    await this.inFlight?.catch(() => undefined);
    await this.ranking;
  }

  /**
   * The trace from memory, brought up to date with the store first; null while the graph is not ready or does not
   * know the lot (the caller walks the store). The same answer as the store's walk (trace-lot.query).
   */
  async trace(lotId: string, direction: TraceDirection, options: TraceOptions = {}): Promise<TraceResult | null> {
    return (await this.answers(lotId)) ? (traceInGraph(this.graph, lotId, direction, options) ?? null) : null;
  }

  /** The same trace as the API's JSON text (`JSON.stringify` of `trace`'s answer), written from the graph directly. */
  async traceJson(lotId: string, direction: TraceDirection, options: TraceOptions = {}): Promise<Buffer | null> {
    return (await this.answers(lotId)) ? (this.graph.traceJson(lotId, direction, options) ?? null) : null;
  }

  /** Whether the graph, brought up to date, answers for this lot (else the caller walks the store). */
  private async answers(lotId: string): Promise<boolean> {
    if (this.state === 'failed' && Date.now() - this.failedAt > (this.options.retryMs ?? 60_000)) {
      this.state = 'idle';
      this.loading = null;
    }
    if (this.state === 'idle') this.warm().catch(() => undefined);
    if (this.state !== 'ready') return false;
    try {
      await this.catchUp();
    } catch (error) {
      // The store walk answers (or fails) on its own; the next trace catches up again.
      this.options.logger?.warn({ err: error }, 'genealogy in memory could not catch up; this trace walks the store');
      return false;
    }
    if (this.state !== 'ready') return false;
    this.rankWhenDue();
    // A lot the graph has no row of: the store says whether it exists (a 404 costs one read there).
    return this.graph.materialOf(lotId) !== null;
  }

  /**
   * Ranks the lots and orders in id order in the background (traces then sort numbers) once those not ranked yet are
   * a 64th of all: after the load, and again as new lots and orders come.
   */
  private rankWhenDue(): void {
    const graph = this.graph;
    if (this.ranking || graph.unranked === 0 || graph.unranked * 64 < graph.idCount) return;
    const run = graph.rankIds(() => this.yielded()).then(
      () => undefined,
      (error: unknown) => this.options.logger?.warn({ err: error }, 'the lots could not be ranked; traces compare their ids'),
    );
    this.ranking = run.finally(() => {
      this.ranking = null;
    });
  }

  /**
   * Brings the graph up to what is committed now. One at a time: a call while one runs waits for the next run, which
   * starts after the running one and so sees every commit made before the call.
   */
  private catchUp(): Promise<void> {
    if (!this.inFlight) {
      const run = this.catchUpOnce();
      this.inFlight = run;
      void run.finally(() => {
        if (this.inFlight === run) this.inFlight = null;
      }).catch(() => undefined);
      return run;
    }
    this.queued ??= this.inFlight.catch(() => undefined).then(() => {
      this.queued = null;
      return this.catchUp();
    });
    return this.queued;
  }

  private async catchUpOnce(): Promise<void> {
    // Most traces find nothing new: one statement says so (every command acknowledged before it is at or below the head
    // it reads), without opening a snapshot (three round trips on PostgreSQL).
    if (((await readJournalHead(this.store.db))?.seq ?? 0) <= this.synced) return;
    await this.store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      // Head and events in one snapshot: every event this transaction sees lies at or before the head it read.
      const head = (await readJournalHead(tx))?.seq ?? 0;
      if (head <= this.synced) return;
      const touched = new Set<string>();
      for (let after = this.synced; ;) {
        const events = await readJournal(tx, { after, entity: 'lot', limit: EVENTS_PAGE });
        for (const e of events) touched.add(e.entityId);
        if (events.length < EVENTS_PAGE) break;
        after = events[events.length - 1]?.seq ?? head;
      }
      const lots = [...touched];
      const edges = [...(await edgesOutOf(tx, lots, 'forward')), ...(await edgesOutOf(tx, lots, 'backward'))];
      const unknown = new Set(lots);
      for (const e of edges) for (const end of [e.from, e.to]) if (!this.graph.knows(end)) unknown.add(end);
      const unknownLots = [...unknown];
      const materials = await materialsOf(tx, unknownLots);
      const pending = new Map<string, string[]>();
      for (const [lot, order] of await openConsumptionsOf(tx, lots)) pending.set(lot, [...(pending.get(lot) ?? []), order]);
      // Applied at once, after every read: a trace never sees half a catch-up.
      for (const e of edges) this.graph.putEdge({ ...e, workOrderId: e.workOrderId ?? NO_WORK_ORDER });
      unknownLots.forEach((lot, i) => this.graph.setMaterial(lot, materials[i] ?? null));
      for (const lot of lots) this.graph.setPending(lot, [...new Set(pending.get(lot) ?? [])]);
      this.synced = head;
      if (this.graph.edges > this.maxEdges) this.tooLarge();
    });
  }

  /** Lets the graph go: the genealogy outgrew what may be held, traces walk the store from now on. */
  private tooLarge(): void {
    this.state = 'too-large';
    this.graph = new GenealogyGraph();
    this.options.logger?.warn({ maxEdges: this.maxEdges }, 'the genealogy has more edges than may be held in memory; traces walk the store');
  }

  private async load(): Promise<void> {
    const started = performance.now();
    this.state = 'loading';
    try {
      const db = this.store.db;
      // Everything committed after this seq is read again by the catch-up below, whatever the pages saw of it.
      const from = (await readJournalHead(db))?.seq ?? 0;
      const graph = new GenealogyGraph();
      for (let after: EdgeKey | null = null; ;) {
        const page = await edgePage(db, after, this.pageSize);
        for (const e of page) graph.putEdge(e);
        if (graph.edges > this.maxEdges) {
          this.tooLarge();
          return;
        }
        const last = page[page.length - 1];
        if (!last || page.length < this.pageSize) break;
        after = [last.from, last.to, last.workOrderId];
        if (await this.yielded()) return;
      }
      for (let after: string | null = null; ;) {
        const page = await lotPage(db, after, this.pageSize);
        for (const l of page) graph.setMaterial(l.id, l.materialId);
        const last = page[page.length - 1];
        if (!last || page.length < this.pageSize) break;
        after = last.id;
        if (await this.yielded()) return;
      }
      const pending = new Map<string, string[]>();
      const lastId = await lastConsumptionId(db);
      for (let after = 0; after < lastId; after += CONSUMPTION_RANGE) {
        for (const p of await pendingInRange(db, after, after + CONSUMPTION_RANGE)) pending.set(p.lotId, [...(pending.get(p.lotId) ?? []), p.workOrderId]);
        if (await this.yielded()) return;
      }
      for (const [lot, orders] of pending) graph.setPending(lot, [...new Set(orders)]);
      this.graph = graph;
      this.synced = from;
      await this.catchUp();
      if ((this.state as GenealogyIndexState) !== 'loading') return;
      this.loadMs = Math.round(performance.now() - started);
      this.state = 'ready';
      this.rankWhenDue();
      this.options.logger?.info({ edges: graph.edges, loadMs: this.loadMs, columnBytes: graph.columnBytes }, 'genealogy held in memory for traces');
    } catch (error) {
      if ((this.state as GenealogyIndexState) === 'stopped') return;
      this.state = 'failed';
      this.failedAt = Date.now();
      this.options.logger?.warn({ err: error }, 'genealogy could not be loaded into memory; traces walk the store');
      throw error;
    }
  }

  /** Lets other work run between pages; true when the index was stopped meanwhile. */
  private async yielded(): Promise<boolean> {
    await nextTurn();
    return this.state === 'stopped';
  }
}
