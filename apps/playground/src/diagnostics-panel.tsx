import { useDiagnostics } from '@ondevice/react';

/** Shows which backend was chosen and the figures measured for each candidate, as diagnostics report them. */
export function DiagnosticsPanel() {
  const diagnostics = useDiagnostics();
  const selection = diagnostics.backend.selection;
  const capabilities = diagnostics.capabilities;
  return (
    <section aria-labelledby="diagnostics-heading" className="diagnostics">
      <h2 id="diagnostics-heading">Diagnostics</h2>
      <dl>
        <dt>Runtime</dt>
        <dd data-testid="runtime">
          {diagnostics.models.map((model) => `${model.id}: ${model.runtime}`).join(', ') ||
            'no model yet'}
        </dd>
        <dt>Backend</dt>
        <dd data-testid="chosen-backend">
          {selection
            ? `${selection.chosen} (${selection.decidedBy}, requested ${selection.requested})`
            : 'not chosen yet'}
        </dd>
        <dt>Inference thread</dt>
        <dd data-testid="worker">
          {diagnostics.worker.enabled ? 'Web Worker' : 'main thread'}
          {diagnostics.worker.restarts > 0 ? `, restarted ${diagnostics.worker.restarts}×` : ''}
          {diagnostics.worker.idleEnds > 0
            ? `, ended ${diagnostics.worker.idleEnds}× when no model was left`
            : ''}
        </dd>
        <dt>Model cache</dt>
        <dd data-testid="model-cache">
          {diagnostics.modelCache
            ? `${diagnostics.modelCache.storage}${diagnostics.modelCache.reason ? ` (${diagnostics.modelCache.reason})` : ''}, ${diagnostics.modelCache.hits} hits / ${diagnostics.modelCache.misses} misses`
            : '—'}
        </dd>
        <dt>Cross-origin isolated</dt>
        <dd>
          {capabilities
            ? capabilities.crossOriginIsolated
              ? 'yes (threaded wasm possible)'
              : 'no'
            : '—'}
        </dd>
      </dl>
      {selection ? (
        <table data-testid="backend-candidates">
          <caption>
            Backend candidates, measured with the real model in {Math.round(selection.milliseconds)}{' '}
            ms
          </caption>
          <thead>
            <tr>
              <th scope="col">Backend</th>
              <th scope="col">Outcome</th>
              <th scope="col">Device</th>
              <th scope="col">Sentences/s</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {selection.candidates.map((candidate) => (
              <tr key={candidate.name} data-outcome={candidate.outcome}>
                <th scope="row">{candidate.name}</th>
                <td>{candidate.outcome}</td>
                <td>{candidate.device ?? '—'}</td>
                <td>
                  {candidate.sentencesPerSecond === undefined
                    ? '—'
                    : candidate.sentencesPerSecond.toFixed(1)}
                </td>
                <td>{candidate.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
