import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { autoOutlines } from '../outline/auto-outlines.js';
import { AUTO_OUTLINES_WORKER_THRESHOLD } from '../outline/auto-outlines-async.js';
import type { ClusterOutline } from '../outline/cluster-outline.js';
import { OutlineWorker } from '../outline/outline-worker.js';

/** What {@link OutlineController.start} computes hulls of: n×2 `rel` about (centerX, centerY), n cluster ranks, k ids. */
export interface OutlineInput {
  readonly rel: Float32Array;
  readonly rank: Float32Array;
  readonly ids: Int32Array;
  readonly centerX: number;
  readonly centerY: number;
}

/**
 * Computes `outlines="auto"` hulls for a host: small point sets synchronously, large ones in the host's
 * own {@link OutlineWorker} whose result arrives through `onDone`. The worker stays alive between jobs
 * (later jobs, e.g. live-layout refreshes, run warm) and is terminated on disconnect. A new
 * {@link start}, a {@link cancel} or the host's disconnect aborts a pending computation, so a stale
 * result is never delivered. Errors go to `onError`.
 */
export class OutlineController implements ReactiveController {
  private job: AbortController | null = null;
  /** Latest input of {@link refresh} waiting for the running job (or the next frame), or null. */
  private queued: (() => OutlineInput | null) | null = null;
  private frame = 0;
  private readonly onDone: (outlines: ClusterOutline[]) => void;
  private readonly onError: (error: Error) => void;
  private readonly worker = new OutlineWorker();
  /** Jobs handed to the Worker so far (to see coalescing: the worker itself is reused between jobs). */
  workerJobs = 0;
  /** Point count from which hulls are computed in a Worker. */
  workerThreshold = AUTO_OUTLINES_WORKER_THRESHOLD;

  constructor(host: ReactiveControllerHost, onDone: (outlines: ClusterOutline[]) => void, onError: (error: Error) => void) {
    this.onDone = onDone;
    this.onError = onError;
    host.addController(this);
  }

  /** True while a Worker computation is pending. */
  get pending(): boolean {
    return this.job !== null;
  }

  /**
   * Starts computing the hulls of `input` (arrays kept by reference until done, not mutated): returns
   * them when n is below the worker threshold, else null now and the outlines through `onDone` later.
   */
  start(input: OutlineInput): ClusterOutline[] | null {
    this.cancel();
    return this.launch(input);
  }

  private launch(input: OutlineInput): ClusterOutline[] | null {
    const { rel, rank, ids, centerX, centerY } = input;
    if (rank.length < this.workerThreshold) {
      return autoOutlines(rel, rank, ids, centerX, centerY);
    }
    const job = new AbortController();
    this.job = job;
    this.workerJobs++;
    this.worker.run(rel, rank, ids, centerX, centerY, {}, job.signal).then(
      (outlines) => {
        if (this.job !== job) return;
        this.job = null;
        this.onDone(outlines);
        if (this.queued) this.runQueued(); // positions moved meanwhile: one more with the latest
      },
      (error: unknown) => {
        if (this.job !== job) return;
        this.job = null;
        this.queued = null;
        this.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return null;
  }

  /**
   * Recomputes hulls for moved points (live layouts), coalesced: at most one computation runs; calls
   * while one runs (or before the next animation frame) only remember `input`, read when the next one
   * starts, so the latest positions win and a stream of moves costs one hull job at a time. Results
   * (synchronous or from the Worker) arrive through `onDone`. A {@link start} or {@link cancel} drops it.
   */
  refresh(input: () => OutlineInput | null): void {
    this.queued = input;
    if (this.job || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.runQueued();
    });
  }

  private runQueued(): void {
    const next = this.queued?.();
    this.queued = null;
    if (!next) return;
    const sync = this.launch(next);
    if (sync) this.onDone(sync);
  }

  /** Abandons a pending computation (its result is dropped). */
  cancel(): void {
    this.job?.abort();
    this.job = null;
    this.queued = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostDisconnected(): void {
    this.cancel();
    this.worker.dispose();
  }
}
