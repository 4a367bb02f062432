import {
  type IndexingProgress,
  type SearchHit,
  type SearchIndex,
  type SearchIndexSnapshot,
  createClient,
} from '@ondevice/core';
import { SearchBox, type SearchBoxProps, useOnDeviceClient } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useMemo, useState } from 'react';
import { type HelpArticle, helpArticles } from './help-centre.js';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

type HelpSearchProps = Omit<SearchBoxProps<HelpArticle>, 'index'>;

const indexOptions = { fields: { title: 3, body: 1 }, facets: ['category'], persist: false };

/**
 * A real index of the story's client, filled with the help articles on mount (their passages
 * embedded in the worker; `update` embeds only what changed, so a remount costs nothing).
 */
function useHelpIndex(id: string): SearchIndex<HelpArticle> {
  const client = useOnDeviceClient();
  const index = client.searchIndex<HelpArticle>({ id, ...indexOptions });
  useEffect(() => {
    // A failure shows in the box (the model's status); nothing else to do with it here.
    index.update(helpArticles).catch(() => {});
  }, [index]);
  return index;
}

/** The help centre's search box, over a real index, showing the article a person chose. */
function HelpSearch(props: HelpSearchProps) {
  const index = useHelpIndex('story-help');
  return <SearchWithChoice index={index} {...props} />;
}

function SearchWithChoice(props: SearchBoxProps<HelpArticle>) {
  const [chosen, setChosen] = useState<SearchHit<HelpArticle> | null>(null);
  return (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <SearchBox placeholder="Search the help centre" onSelect={setChosen} {...props} />
      {chosen && (
        <p style={{ margin: 0 }} data-testid="chosen">
          Opened “{chosen.document.title}” ({chosen.why.matchedBy.join(' and ')} match).
        </p>
      )}
    </div>
  );
}

/**
 * A real index whose snapshot is held part-way through indexing, so the state stays on screen
 * (the real one passes in a second or two: the Ready story shows it as the model loads). The
 * index underneath is filled and searchable; only `getSnapshot` reports the held progress.
 */
function IndexingHelpSearch({
  indexing,
  ...props
}: HelpSearchProps & { indexing: IndexingProgress }) {
  const index = useHelpIndex('story-help-indexing');
  const held = useMemo(() => holdIndexing(index, indexing), [index, indexing]);
  return <SearchBox index={held} placeholder="Search the help centre" {...props} />;
}

function holdIndexing<Doc extends HelpArticle>(
  index: SearchIndex<Doc>,
  indexing: IndexingProgress,
): SearchIndex<Doc> {
  let source: SearchIndexSnapshot | undefined;
  let held: SearchIndexSnapshot | undefined;
  const getSnapshot = () => {
    const current = index.getSnapshot();
    if (current !== source || !held) {
      source = current;
      held = { ...current, indexing };
    }
    return held;
  };
  return new Proxy(index, {
    get(target, key) {
      if (key === 'getSnapshot') return getSnapshot;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * An index of the story's client filled by import: the articles are embedded by another client
 * that can load the model, then imported here (an import embeds nothing). The story's own
 * client then cannot embed the query: its model is missing or unreachable.
 */
function ImportedHelpSearch(props: HelpSearchProps) {
  const client = useOnDeviceClient();
  const index = client.searchIndex<HelpArticle>({ id: 'story-help-imported', ...indexOptions });
  useEffect(() => {
    let cancelled = false;
    const healthy = createClient();
    const source = healthy.searchIndex<HelpArticle>({ id: 'story-help-source', ...indexOptions });
    source
      .update(helpArticles)
      .then(() => source.export())
      .then((data) => (cancelled ? undefined : index.import({ ...data, id: index.id })))
      .catch(() => {})
      .finally(() => healthy.dispose());
    return () => {
      cancelled = true;
    };
  }, [index]);
  return <SearchWithChoice index={index} {...props} />;
}

const meta = {
  title: 'Widgets/SearchBox',
  component: HelpSearch,
  args: { facets: ['category'], k: 5 },
  decorators: [withStoryClient()],
} satisfies Meta<typeof HelpSearch>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * No query yet: the box says how many articles it searches. Type to see suggestions (arrow
 * keys, Enter, Escape), results and facets.
 */
export const Empty: Story = {};

/** Documents being embedded: the progress of the index's running `add` (held part-way). */
export const Indexing: Story = {
  name: 'Indexing with progress',
  render: (args) => <IndexingHelpSearch {...args} indexing={{ embedded: 8, total: 20 }} />,
};

/**
 * Found by meaning: by words alone, recurring invoices would come first (they "charge the saved
 * card"); hybrid search puts the refund article first. Facets filter by category; choosing a
 * result (click or Enter) opens it.
 */
export const Ready: Story = { args: { defaultQuery: 'undo a charge' } };

/** Words only, and no article mentions a dark mode. */
export const NoResults: Story = {
  name: 'No results',
  args: { defaultQuery: 'dark mode', mode: 'keyword' },
};

/** The search model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { defaultQuery: 'undo a charge' },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
  render: (args) => <ImportedHelpSearch {...args} />,
};

/** The model's server cannot be reached: the box matches words only, and says so. */
export const Offline: Story = {
  args: { defaultQuery: 'refund' },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
  render: (args) => <ImportedHelpSearch {...args} />,
};

/** Every state on one page, each with its own real client. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '1.5rem 1rem' }}>
      <StoryClient>
        <dt>Empty</dt>
        <dd>
          <HelpSearch {...args} label="Search (empty)" />
        </dd>
        <dt>Indexing</dt>
        <dd>
          <IndexingHelpSearch
            {...args}
            label="Search (indexing)"
            indexing={{ embedded: 8, total: 20 }}
          />
        </dd>
        <dt>Ready</dt>
        <dd>
          <HelpSearch {...args} label="Search (ready)" defaultQuery="undo a charge" />
        </dd>
        <dt>No results</dt>
        <dd>
          <HelpSearch
            {...args}
            label="Search (no results)"
            defaultQuery="dark mode"
            mode="keyword"
          />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <dt>Error</dt>
        <dd>
          <ImportedHelpSearch {...args} label="Search (error)" defaultQuery="undo a charge" />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <dt>Offline</dt>
        <dd>
          <ImportedHelpSearch {...args} label="Search (offline)" defaultQuery="refund" />
        </dd>
      </StoryClient>
    </dl>
  ),
};
