import { OnDeviceProvider } from '@ondevice/react';
import type { ComponentType } from 'react';
import { DiagnosticsPanel } from '../diagnostics-panel.js';
import { EntitiesPanel } from './entities-panel.js';
import { GenerationPanel } from './generation-panel.js';
import { type LabTask, labPresets, tasksOf } from './lab-models.js';
import { LoadSummary } from './load-summary.js';
import { ModelForm } from './model-form.js';
import { SentimentPanel } from './sentiment-panel.js';
import { SimilarityPanel } from './similarity-panel.js';
import { TaskError } from './task-error.js';
import { useLabSession } from './use-lab-session.js';
import { ZeroShotPanel } from './zero-shot-panel.js';

const presets = labPresets();

const panels: Record<LabTask, ComponentType<{ modelId: string }>> = {
  embedding: SimilarityPanel,
  sentiment: SentimentPanel,
  'zero-shot': ZeroShotPanel,
  entities: EntitiesPanel,
  generation: GenerationPanel,
};

/**
 * The model lab: load any model (built in, a served folder, a hub id or a folder URL) with a
 * chosen dtype and backend, watch its bytes arrive and how its backend was chosen, see the
 * engine's memory, unload it, and try each task it supports.
 *
 * @example
 * <LabPage />
 */
export function LabPage() {
  const { session, choiceError, load, unload, refreshMemory } = useLabSession();
  const loading = session !== undefined && !session.report && !session.error && !session.unloaded;
  const title =
    presets.find((preset) => preset.reference === session?.modelId)?.title ?? session?.modelId;
  return (
    <div data-testid="lab-page" className="lab">
      <section aria-labelledby="lab-heading">
        <h2 id="lab-heading">Model lab</h2>
        <p>
          Load a model on this device and try what it does. Built-in and local models need no
          network; a hub id downloads from huggingface.co.
        </p>
        <ModelForm presets={presets} busy={loading} onLoad={(choice) => void load(choice)} />
        <TaskError error={choiceError} />
      </section>
      {session ? (
        <OnDeviceProvider client={session.client}>
          <LoadSummary
            session={session}
            title={title ?? session.modelId}
            onUnload={() => void unload()}
            onRefreshMemory={() => void refreshMemory()}
          />
          {session.report ? (
            <section aria-labelledby="lab-tasks-heading">
              <h2 id="lab-tasks-heading">Try it</h2>
              {tasksOf(session.report).map((task) => {
                const Panel = panels[task];
                return <Panel key={task} modelId={session.modelId} />;
              })}
            </section>
          ) : null}
          <DiagnosticsPanel />
        </OnDeviceProvider>
      ) : null}
    </div>
  );
}
