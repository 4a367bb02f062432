import { ModelProgress } from '@ondevice/react';
import type { RuntimeMemory } from '@ondevice/core';
import { formatBytes } from './format-bytes.js';
import type { LabSession } from './use-lab-session.js';

/**
 * The loaded model at a glance: byte progress, then what the load reported (runtime, task,
 * dtype, backend and how it was chosen, load time), the engine's memory, and Unload.
 *
 * @example
 * <LoadSummary session={session} title="tiny-ner" onUnload={unload} onRefreshMemory={refresh} />
 */
export function LoadSummary({
  session,
  title,
  onUnload,
  onRefreshMemory,
}: {
  session: LabSession;
  title: string;
  onUnload: () => void;
  onRefreshMemory: () => void;
}) {
  const { report, error, memory, unloaded } = session;
  return (
    <section aria-labelledby="lab-loaded-heading" className="lab-summary">
      <h2 id="lab-loaded-heading">Loaded model</h2>
      <ModelProgress modelId={session.modelId} label={title} />
      {error ? (
        <p role="alert" className="lab-error" data-testid="lab-load-error">
          Could not load {session.modelId}: {error.message}
        </p>
      ) : null}
      <dl>
        <dt>Model</dt>
        <dd data-testid="lab-model-id">{session.modelId}</dd>
        <dt>Runtime and task</dt>
        <dd data-testid="lab-task">{report ? `${report.runtime}, ${report.task}` : '—'}</dd>
        <dt>Precision</dt>
        <dd data-testid="lab-loaded-dtype">{report?.dtype ?? '—'}</dd>
        <dt>Backend</dt>
        <dd data-testid="lab-chosen-backend">
          {report
            ? `${report.backend} (${report.selection.decidedBy}, requested ${report.selection.requested})`
            : unloaded
              ? 'unloaded'
              : '—'}
        </dd>
        <dt>Load time</dt>
        <dd>{report ? `${Math.round(report.milliseconds)} ms` : '—'}</dd>
        <dt>Memory</dt>
        <dd data-testid="lab-memory">
          {memory
            ? Object.entries(memory)
                .map(([runtime, use]) => `${runtime}: ${describeUse(runtime, use)}`)
                .join('; ') || nothingHeld(session)
            : '—'}
        </dd>
      </dl>
      <div className="lab-actions">
        <button type="button" onClick={onUnload} disabled={!report} data-testid="lab-unload">
          Unload
        </button>
        <button type="button" onClick={onRefreshMemory}>
          Refresh memory
        </button>
      </div>
    </section>
  );
}

/** An empty memory report: no runtime in the engine, or no worker at all after an unload. */
function nothingHeld(session: LabSession): string {
  return session.client.diagnostics().worker.idleEnds > 0
    ? 'nothing held: the worker ended and gave its memory back'
    : 'nothing loaded';
}

/** A runtime's memory: Transformers.js counts live models, TensorFlow.js live tensors. */
function describeUse(runtime: string, use: RuntimeMemory): string {
  const unit = runtime === 'transformers' ? 'model' : 'tensor';
  return `${use.tensors} ${unit}${use.tensors === 1 ? '' : 's'}, ${formatBytes(use.bytes)}`;
}
