/**
 * `src` mode of `<ntm-scorecard>` as a reactive controller: which request is current, its phase, and its outcome.
 *
 * - A request is the host's `src`, `level`, `as-of`, `region`, `province` and `require-verified`; it is made
 *   only while the host has no `result` (a `result` wins, and cancels a load under way).
 * - Phases: `idle` (no request), `loading` (fetching), `evaluating` (core loaded on demand and evaluating),
 *   `loaded`, `error`.
 * - Overlapping loads: a new request aborts the one under way, and an outcome that arrives for a request that is
 *   no longer current is dropped, so only the latest request is ever shown.
 * - A host taken out of the page aborts its load; put back, it starts it again.
 *
 * The outcome is reported to the host (`loaded`, `failed`), which words it in the page's language and fires its
 * events; the fetching and evaluating code is loaded by dynamic `import()` (load-src.ts), only in `src` mode.
 */
import type { Evaluation } from '@nongthonmoi/core/review';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { problemCode } from '../internal/errors.js';
import type { SrcFailure, SrcOutcome } from '../internal/load-src.js';
import { evaluationProblem, LIMITS } from '../internal/validate.js';

export type SrcPhase = 'idle' | 'loading' | 'evaluating' | 'loaded' | 'error';

interface SrcHost extends ReactiveControllerHost {
  result: unknown;
  src: string | null;
  level: string | null;
  asOf: string | null;
  region: string | null;
  province: string | null;
  requireVerified: boolean;
}

export interface SrcCallbacks {
  loaded(evaluation: Evaluation): void;
  failed(error: SrcFailure): void;
}

export class SrcController implements ReactiveController {
  phase: SrcPhase = 'idle';
  /** The evaluation of the current request, once loaded. */
  evaluation: Evaluation | null = null;
  /** Why the current request failed. */
  error: SrcFailure | null = null;

  /** The current request, as a key ('' for none). */
  private request_ = '';
  private abort_: AbortController | null = null;

  constructor(
    private readonly host: SrcHost,
    private readonly callbacks: SrcCallbacks,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return this.phase === 'loading' || this.phase === 'evaluating';
  }

  hostUpdate(): void {
    const { result, src, level, asOf, region, province, requireVerified } = this.host;
    const request =
      result || !src ? '' : JSON.stringify([src, level, asOf, region, province, !!requireVerified]);
    if (request === this.request_) return;
    this.request_ = request;
    this.abort_?.abort();
    this.abort_ = null;
    this.evaluation = null;
    this.error = null;
    this.phase = 'idle';
    if (request) this.start_();
  }

  hostConnected(): void {
    // A load aborted when the host left the page starts again when it comes back.
    if (this.busy && this.abort_?.signal.aborted) this.start_();
  }

  hostDisconnected(): void {
    this.abort_?.abort();
  }

  private start_(): void {
    const controller = new AbortController();
    this.abort_ = controller;
    this.phase = 'loading';
    this.load_(controller).catch((error: unknown) => {
      if (this.abort_ === controller)
        this.settle_({ ok: false, error: { code: 'internal', issues: [String(error)] } });
    });
  }

  private async load_(controller: AbortController): Promise<void> {
    const host = this.host;
    let outcome: SrcOutcome;
    try {
      const { loadSrc } = await import('../internal/load-src.js');
      outcome = await loadSrc(
        {
          src: host.src ?? '',
          level: host.level,
          asOf: host.asOf ?? undefined,
          region: host.region ?? undefined,
          province: host.province ?? undefined,
          requireVerified: host.requireVerified,
        },
        controller.signal,
        () => {
          if (this.abort_ === controller) {
            this.phase = 'evaluating';
            host.requestUpdate();
          }
        },
        evaluationProblem,
        problemCode,
        LIMITS.srcBytes,
      );
    } catch (error) {
      outcome = { ok: false, error: { code: 'load-core', issues: [String(error)] } };
    }
    // Another request replaced this one, or the host left the page (it starts again when it comes back).
    if (this.abort_ !== controller || controller.signal.aborted || !outcome) return;
    this.settle_(outcome);
  }

  private settle_(outcome: NonNullable<SrcOutcome>): void {
    if (outcome.ok) {
      this.evaluation = outcome.evaluation;
      this.phase = 'loaded';
      this.callbacks.loaded(outcome.evaluation);
    } else {
      this.error = outcome.error;
      this.phase = 'error';
      this.callbacks.failed(outcome.error);
    }
    this.host.requestUpdate();
  }
}
