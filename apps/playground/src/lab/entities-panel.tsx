import { EntityHighlighter, useEntities, useOnDeviceClient } from '@ondevice/react';
import { useMemo, useState } from 'react';
import { TaskError } from './task-error.js';

/**
 * Named entities of a text with the loaded token-classification model: the text with each span
 * highlighted, and the spans with their offsets and scores.
 *
 * @example
 * <EntitiesPanel modelId="/ondevice/models/ondevice-fixtures/tiny-ner/" />
 */
export function EntitiesPanel({ modelId }: { modelId: string }) {
  const client = useOnDeviceClient();
  const recognizer = useMemo(() => client.entities({ model: modelId }), [client, modelId]);
  const [text, setText] = useState('Alice Johnson works at Acme Corp in Paris.');
  const { status, data, error, progress } = useEntities(recognizer, text, { debounceMs: 200 });
  return (
    <section aria-labelledby="lab-entities-heading" className="lab-task">
      <h3 id="lab-entities-heading">Entities</h3>
      <label>
        Text
        <textarea value={text} rows={2} onChange={(event) => setText(event.target.value)} />
      </label>
      <EntityHighlighter
        data-testid="lab-entities"
        text={text}
        spans={data}
        status={status === 'success' ? 'ready' : status}
        error={error}
        progress={progress}
      />
      <table data-testid="lab-entity-spans">
        <caption>Spans (UTF-16 offsets, end exclusive)</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Text</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((span) => (
            <tr key={span.start} data-entity-type={span.type}>
              <th scope="row">{span.type}</th>
              <td>{span.text}</td>
              <td>{span.start}</td>
              <td>{span.end}</td>
              <td>{span.score.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TaskError error={error} />
    </section>
  );
}
