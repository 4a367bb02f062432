import { type BackendPreference, type ModelDtype, backendNames, modelDtypes } from '@ondevice/core';
import { type FormEvent, useId, useState } from 'react';
import { type LabChoice, type LabPreset, isBuiltIn } from './lab-models.js';

/** The select's value for "type a hub id or folder URL". */
const otherModel = 'other';

/**
 * Choosing what to load: an offline preset (built-in model or served folder) or any hub id or
 * self-hosted folder URL, the dtype of a Transformers.js model, and the backend.
 *
 * @example
 * <ModelForm presets={labPresets()} busy={false} onLoad={(choice) => load(choice)} />
 */
export function ModelForm({
  presets,
  busy,
  onLoad,
}: {
  presets: readonly LabPreset[];
  busy: boolean;
  onLoad: (choice: LabChoice) => void;
}) {
  const id = useId();
  const [selected, setSelected] = useState(presets[0]?.reference ?? otherModel);
  const [typed, setTyped] = useState('');
  const [dtype, setDtype] = useState<LabChoice['dtype']>('auto');
  const [backend, setBackend] = useState<BackendPreference>('auto');
  const preset = presets.find((candidate) => candidate.reference === selected);
  const reference = selected === otherModel ? typed.trim() : selected;
  const dtypeApplies = reference !== '' && !isBuiltIn(reference);
  const canLoad = reference !== '' && (preset?.available ?? true) && !busy;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canLoad) onLoad({ reference, dtype: dtypeApplies ? dtype : 'auto', backend });
  };

  return (
    <form className="lab-form" onSubmit={submit} aria-describedby={`${id}-about`}>
      <label>
        Model
        <select
          data-testid="lab-model"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
        >
          {presets.map((candidate) => (
            <option key={candidate.reference} value={candidate.reference}>
              {candidate.title}
              {candidate.available ? '' : ' — unavailable'}
            </option>
          ))}
          <option value={otherModel}>Other: a hub id or folder URL…</option>
        </select>
      </label>
      {selected === otherModel ? (
        <label>
          Hub id or folder URL
          <input
            data-testid="lab-reference"
            value={typed}
            placeholder="Xenova/all-MiniLM-L6-v2 or https://models.example.com/my-model/"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
      ) : null}
      <label>
        Precision (dtype)
        <select
          data-testid="lab-dtype"
          value={dtypeApplies ? dtype : 'auto'}
          disabled={!dtypeApplies}
          onChange={(event) => setDtype(event.target.value as 'auto' | ModelDtype)}
        >
          <option value="auto">auto</option>
          {modelDtypes.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        Backend
        <select
          data-testid="lab-backend"
          value={backend}
          onChange={(event) => setBackend(event.target.value as BackendPreference)}
        >
          <option value="auto">auto</option>
          {backendNames.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!canLoad}>
        {busy ? 'Loading…' : 'Load'}
      </button>
      <p id={`${id}-about`} className="lab-about" data-testid="lab-model-about">
        {selected === otherModel
          ? 'A Transformers.js model: a hub id (owner/name, downloaded from huggingface.co) or the URL of a folder in the hub layout (config.json, tokenizer.json, onnx/model*.onnx).'
          : preset?.available === false
            ? `Unavailable: ${preset.unavailableReason}`
            : preset?.description}
        {reference !== '' && !dtypeApplies
          ? ' Built-in models have one precision: dtype does not apply.'
          : ''}
      </p>
    </form>
  );
}
