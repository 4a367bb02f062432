import '@testing-library/jest-dom/vitest';
import { createClient } from '@ondevice/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { SimilarityMatrix } from './similarity-matrix.js';

afterEach(cleanup);

const client = createClient({ backend: 'wasm' });
const withClient = (children: ReactNode) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

const sentences = [
  'How do I reset my password?',
  'I forgot my password and need to change it',
  'The weather is sunny today.',
];

function cell(table: HTMLElement, row: number, column: number): HTMLElement {
  const found = table.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`);
  if (!found) throw new TypeError(`no cell ${row},${column}`);
  return found;
}

async function readyMatrix(container: HTMLElement) {
  const root = container.firstElementChild as HTMLElement;
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
  return { root, table: screen.getByRole('table') };
}

describe('<SimilarityMatrix> (real model)', () => {
  it('renders pairwise similarity as a labelled heatmap table', async () => {
    const ref = createRef<HTMLDivElement>();
    const { container } = render(
      withClient(<SimilarityMatrix ref={ref} defaultSentences={sentences} maxLabelLength={16} />),
    );
    const { root, table } = await readyMatrix(container);
    expect(ref.current).toBe(root);
    expect(screen.getByLabelText('Sentences (one per line)')).toHaveValue(sentences.join('\n'));
    expect(within(table).getByText('Cosine similarity of every pair of sentences').tagName).toBe(
      'CAPTION',
    );

    const columnHeaders = within(table).getAllByRole('columnheader');
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(columnHeaders).toHaveLength(3);
    expect(rowHeaders).toHaveLength(3);
    columnHeaders.forEach((header, index) => {
      expect(header).toHaveAttribute('scope', 'col');
      expect(header).toHaveAccessibleName(sentences[index]);
      expect(header).toHaveAttribute('title', sentences[index]);
    });
    expect(rowHeaders[0]).toHaveAttribute('scope', 'row');
    expect(rowHeaders[0]).toHaveTextContent('How do I reset…');

    const cells = table.querySelectorAll('td[data-part="cell"]');
    expect(cells).toHaveLength(9);
    for (const element of cells) expect(element.textContent).toMatch(/^-?\d\.\d\d$/);
    expect(cell(table, 1, 1)).toHaveTextContent('1.00');
    const paraphrase = Number(cell(table, 0, 1).textContent);
    const unrelated = Number(cell(table, 0, 2).textContent);
    expect(paraphrase).toBeGreaterThan(unrelated + 0.2);
    expect(cell(table, 0, 1)).toHaveTextContent(String(cell(table, 1, 0).textContent));
    expect(cell(table, 0, 1)).toHaveAccessibleName(
      `Similarity of "${sentences[0]}" and "${sentences[1]}": ${paraphrase.toFixed(2)}`,
    );
    // The colour is data: stronger similarity, darker cell.
    expect(cell(table, 0, 1).style.backgroundColor).not.toBe(
      cell(table, 0, 2).style.backgroundColor,
    );
  });

  it('moves one tab stop through the cells with the arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    const { container } = render(withClient(<SimilarityMatrix defaultSentences={sentences} />));
    const { table } = await readyMatrix(container);
    expect(table.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);

    await user.click(screen.getByRole('textbox'));
    await user.tab();
    expect(cell(table, 0, 0)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cell(table, 0, 1)).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(cell(table, 2, 1)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(cell(table, 2, 0)).toHaveFocus();
    await user.keyboard('{End}');
    expect(cell(table, 2, 2)).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(cell(table, 0, 0)).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(cell(table, 0, 0)).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(cell(table, 2, 2)).toHaveFocus();
    expect(cell(table, 2, 2)).toHaveAttribute('tabindex', '0');
    expect(table.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);

    // Leaving and coming back lands on the remembered cell.
    await user.tab({ shift: true });
    await user.tab();
    expect(cell(table, 2, 2)).toHaveFocus();
  });

  it('recomputes as the user types (uncontrolled)', async () => {
    const user = userEvent.setup();
    const { container } = render(withClient(<SimilarityMatrix defaultSentences={['A cat.']} />));
    await readyMatrix(container);
    expect(screen.getAllByRole('rowheader')).toHaveLength(1);
    const input = screen.getByRole('textbox');
    await user.type(input, '{End}{Enter}A kitten.');
    await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(2));
    const { table } = await readyMatrix(container);
    expect(table).not.toHaveAttribute('aria-busy');
    expect(input).toHaveValue('A cat.\nA kitten.');
    expect(within(table).getAllByRole('columnheader')[1]).toHaveAccessibleName('A kitten.');
  });

  it('is controllable through sentences and onSentencesChange', async () => {
    const user = userEvent.setup();
    const onSentencesChange = vi.fn();
    function Controlled() {
      const [value, setValue] = useState<readonly string[]>(['One.', 'Two.']);
      return (
        <>
          <SimilarityMatrix
            sentences={value}
            onSentencesChange={(next) => {
              onSentencesChange(next);
              setValue(next);
            }}
          />
          <button type="button" onClick={() => setValue(['Replaced.'])}>
            Replace
          </button>
        </>
      );
    }
    const { container } = render(withClient(<Controlled />));
    await readyMatrix(container);
    const input = screen.getByRole('textbox');
    await user.type(input, '{End}{Enter}');
    // A new, still empty line changes no sentence: no callback, and the newline stays.
    expect(onSentencesChange).not.toHaveBeenCalled();
    expect(input).toHaveValue('One.\nTwo.\n');
    await user.type(input, 'Three.');
    expect(onSentencesChange).toHaveBeenLastCalledWith(['One.', 'Two.', 'Three.']);
    await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(3));

    // Synchronous click: the new embeddings cannot have arrived yet, so the old table stays, busy.
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    expect(input).toHaveValue('Replaced.');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByRole('rowheader')).toHaveLength(3);
    await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(1));
    expect(screen.getByRole('table')).not.toHaveAttribute('aria-busy');
  });

  it('keeps a controlled value the parent does not accept', async () => {
    const user = userEvent.setup();
    const onSentencesChange = vi.fn();
    render(
      withClient(<SimilarityMatrix sentences={['Fixed.']} onSentencesChange={onSentencesChange} />),
    );
    const input = screen.getByRole('textbox');
    await user.type(input, 'x');
    expect(onSentencesChange).toHaveBeenCalledWith(['Fixed.x']);
    expect(input).toHaveValue('Fixed.');
  });

  it('gives every instance its own state', async () => {
    const user = userEvent.setup();
    const { container } = render(
      withClient(
        <>
          <SimilarityMatrix defaultSentences={sentences} inputLabel="First" />
          <SimilarityMatrix defaultSentences={sentences} inputLabel="Second" />
        </>,
      ),
    );
    const [first, second] = Array.from(container.children) as [HTMLElement, HTMLElement];
    await waitFor(() => {
      expect(first).toHaveAttribute('data-state', 'ready');
      expect(second).toHaveAttribute('data-state', 'ready');
    });
    const firstTable = within(first).getByRole('table');
    const secondTable = within(second).getByRole('table');
    await user.click(cell(firstTable, 1, 2));
    expect(cell(firstTable, 1, 2)).toHaveAttribute('tabindex', '0');
    expect(cell(secondTable, 0, 0)).toHaveAttribute('tabindex', '0');
    expect(cell(secondTable, 1, 2)).toHaveAttribute('tabindex', '-1');
    await user.type(screen.getByLabelText('First'), '{End}{Enter}Extra line.');
    expect(screen.getByLabelText('Second')).toHaveValue(sentences.join('\n'));
  });

  it('shows an empty state and loads nothing without sentences', async () => {
    const fresh = createClient({ backend: 'wasm' });
    const { container } = render(
      <OnDeviceProvider client={fresh}>
        <SimilarityMatrix />
      </OnDeviceProvider>,
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Type two or more sentences/)).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fresh.model().getSnapshot().status).toBe('idle');
  });

  it('reports a model that cannot be loaded as an alert', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    const { container } = render(
      <OnDeviceProvider client={offline}>
        <SimilarityMatrix defaultSentences={sentences} />
      </OnDeviceProvider>,
    );
    await waitFor(
      () => expect(container.firstElementChild).toHaveAttribute('data-state', 'error'),
      { timeout: 30_000 },
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not compute similarities: .*fetch/);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
