import { GenerateText, useGeneration, useOnDeviceClient } from '@ondevice/react';
import { useMemo, useState } from 'react';

/**
 * Text generation with the loaded model: prompt, streamed output and Stop (`<GenerateText>`),
 * the number of new tokens and the temperature, and the figures of the last generation.
 *
 * @example
 * <GenerationPanel modelId="/ondevice/models/converted/llama2.c-stories260K/" />
 */
export function GenerationPanel({ modelId }: { modelId: string }) {
  const client = useOnDeviceClient();
  const generator = useMemo(() => client.generator({ model: modelId }), [client, modelId]);
  const [maxNewTokens, setMaxNewTokens] = useState(60);
  const [temperature, setTemperature] = useState(0);
  const generation = useGeneration(generator);
  const { result } = generation;
  return (
    <section aria-labelledby="lab-generation-heading" className="lab-task">
      <h3 id="lab-generation-heading">Text generation</h3>
      <div className="lab-settings">
        <label>
          New tokens
          <input
            type="number"
            data-testid="lab-max-new-tokens"
            min={1}
            max={400}
            value={maxNewTokens}
            onChange={(event) => setMaxNewTokens(Math.max(1, Number(event.target.value) || 1))}
          />
        </label>
        <label>
          Temperature (0 is greedy)
          <input
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={temperature}
            onChange={(event) => setTemperature(Math.max(0, Number(event.target.value) || 0))}
          />
        </label>
      </div>
      <GenerateText
        data-testid="lab-generation"
        generation={generation}
        defaultPrompt="Once upon a time"
        maxNewTokens={maxNewTokens}
        temperature={temperature}
      />
      <p data-testid="lab-generation-figures">
        {result
          ? `${result.tokens} tokens (${result.finishReason}), ${result.tokensPerSecond.toFixed(1)} tokens/s, first token after ${Math.round(result.timeToFirstTokenMs)} ms`
          : '—'}
      </p>
    </section>
  );
}
