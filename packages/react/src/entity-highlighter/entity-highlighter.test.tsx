import '@testing-library/jest-dom/vitest';
import {
  type EntityRecognizer,
  type EntitySpan,
  ModelLoadError,
  RuntimeError,
  createClient,
} from '@ondevice/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import {
  nerModelFolder,
  restoreNodeTypedArrays,
} from '../test-support/real-models.test.support.js';
import { EntityHighlighter } from './entity-highlighter.js';

afterEach(cleanup);
beforeAll(restoreNodeTypedArrays);

const text = 'Alice Johnson works at Acme Corp in Paris on 3 May.';
const spans: EntitySpan[] = [
  { type: 'PER', text: 'Alice Johnson', start: 0, end: 13, score: 0.98 },
  { type: 'ORG', text: 'Acme Corp', start: 23, end: 32, score: 0.95 },
  { type: 'LOC', text: 'Paris', start: 36, end: 41, score: 0.97 },
  { type: 'DATE', text: '3 May', start: 45, end: 50, score: 0.7 },
];

describe('<EntityHighlighter> controlled', () => {
  it('marks each span with its type and a readable title, without styles', () => {
    const ref = createRef<HTMLDivElement>();
    render(<EntityHighlighter ref={ref} className="mine" text={text} spans={spans} />);
    const root = ref.current as HTMLDivElement;
    expect(root).toHaveAttribute('data-ondevice-entity-highlighter', '');
    expect(root).toHaveAttribute('data-state', 'ready');
    expect(root).toHaveClass('mine');
    expect(root.querySelector('[style]')).toBeNull();
    const marks = [...root.querySelectorAll('mark')];
    expect(marks.map((mark) => [mark.dataset.entityType, mark.textContent, mark.title])).toEqual([
      ['PER', 'Alice Johnson', 'Alice Johnson, person'],
      ['ORG', 'Acme Corp', 'Acme Corp, organization'],
      ['LOC', 'Paris', 'Paris, location'],
      ['DATE', '3 May', '3 May, DATE'],
    ]);
    expect(screen.getByTitle('Alice Johnson, person')).toBe(marks[0]);
    // The text reads as it was written.
    expect(root.querySelector('[data-part="text"]')).toHaveTextContent(text);
  });

  it('has a legend of the types present and a text alternative in reading order', () => {
    render(<EntityHighlighter text={text} spans={spans} />);
    const legend = screen.getByRole('list', { name: 'Legend' });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'PER person',
      'ORG organization',
      'LOC location',
      'DATE DATE',
    ]);
    // The swatch repeats the type visually; the readable name is what is read.
    expect(items[0]?.querySelector('[data-part="swatch"]')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText(/^Entities:/)).toHaveTextContent(
      'Entities: Alice Johnson (person), Acme Corp (organization), Paris (location), 3 May (DATE).',
    );
  });

  it('names types with formatType, and says when there are none', () => {
    const { rerender } = render(
      <EntityHighlighter
        text={text}
        spans={spans.slice(0, 1)}
        formatType={(type) => (type === 'PER' ? 'Person' : type)}
      />,
    );
    expect(screen.getByTitle('Alice Johnson, Person')).toBeInTheDocument();
    expect(screen.getByText(/^Entities:/)).toHaveTextContent('Entities: Alice Johnson (Person).');
    rerender(<EntityHighlighter text="Nothing here." spans={[]} />);
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull();
    expect(screen.getByText(/^Entities:/)).toHaveTextContent('Entities: none found.');
  });

  it('shows idle, loading with the download, error and offline', () => {
    const { container, rerender } = render(<EntityHighlighter text={text} />);
    const root = container.firstChild as HTMLElement;
    expect(root).toHaveAttribute('data-state', 'idle');
    expect(root.querySelector('mark')).toBeNull();
    expect(screen.queryByText(/^Entities:/)).toBeNull();

    rerender(
      <EntityHighlighter
        text={text}
        status="loading"
        progress={{ status: 'downloading', loaded: 1_000_000, total: 4_000_000 }}
      />,
    );
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading the model, 25 %…')).toBeInTheDocument();

    const failure = new RuntimeError({ message: 'Session failed.' });
    rerender(<EntityHighlighter text={text} status="error" error={failure} />);
    expect(root).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not find entities: Session failed.');
    expect(root.querySelector('[data-part="text"]')).toHaveTextContent(text);

    const offline = new ModelLoadError({ url: 'http://x/', status: undefined, message: 'down' });
    rerender(<EntityHighlighter text={text} status="error" error={offline} />);
    expect(root).toHaveAttribute('data-state', 'offline');
    expect(screen.getByRole('alert')).toHaveTextContent('the model is unavailable offline');
  });

  it('needs the provider only when uncontrolled', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recognizer = { modelId: 'x', recognize: vi.fn(), load: vi.fn() } as unknown;
    expect(() =>
      render(<EntityHighlighter text={text} recognizer={recognizer as EntityRecognizer} />),
    ).toThrow(MissingProviderError);
    consoleError.mockRestore();
  });
});

// The real client with the generated tiny-ner fixture (onnxruntime-node under jsdom).
describe.skipIf(!nerModelFolder)('<EntityHighlighter> uncontrolled (real fixture model)', () => {
  const client = createClient();
  const recognizer = client.entities({ model: nerModelFolder as string });

  it('recognises its text on the device, and re-recognises a new text', async () => {
    const first = 'Alice Johnson works at Acme Corp in Paris';
    const { container, rerender } = render(
      <OnDeviceProvider client={client}>
        <EntityHighlighter text={first} recognizer={recognizer} />
      </OnDeviceProvider>,
    );
    const root = container.firstChild as HTMLElement;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
    expect([...root.querySelectorAll('mark')].map((mark) => mark.title)).toEqual([
      'Alice Johnson, person',
      'Acme Corp, organization',
      'Paris, location',
    ]);
    rerender(
      <OnDeviceProvider client={client}>
        <EntityHighlighter text="Bob speaks French" recognizer={recognizer} />
      </OnDeviceProvider>,
    );
    // The old marks never sit on the new text.
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(root.querySelector('mark')).toBeNull();
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'));
    expect([...root.querySelectorAll('mark')].map((mark) => mark.title)).toEqual([
      'Bob, person',
      'French, miscellaneous',
    ]);
  });
});
