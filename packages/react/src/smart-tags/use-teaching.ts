import type { StoreApi } from 'zustand/vanilla';
import type { UseTeachableClassifierResult } from '../hooks/use-teachable-classifier.js';
import type { SmartTagsStoreState } from './smart-tags-store.js';
import type { SuggestedTag } from './suggest-tags.js';

/** What the chips of `<SmartTags>` do. */
export interface SmartTagsTeaching {
  /** Teaches the label for the text. */
  accept(label: string): void;
  /** Forgets the taught label for the text. */
  unaccept(label: string): void;
  /** Hides the tag for this text, and forgets it if it was taught. */
  reject(tag: SuggestedTag): void;
  /** Replaces the tag with another label: teaches the other (a text has one taught label). */
  correct(tag: SuggestedTag, to: string): void;
  /** Teaches a label chosen from every label (replacing the text's taught label, if any). */
  choose(label: string): void;
}

/**
 * The teaching actions of one `<SmartTags>`. A text has at most one taught label (teaching it
 * again replaces it), so accepting, correcting and choosing are each one `learn`. Each action
 * runs one at a time
 * (clicks while one is in flight are ignored), announces the outcome in the widget's live
 * region, and asks for focus to follow the tag it changed.
 *
 * @example
 * const teach = useTeaching({ store, text, classifier, formatLabel, keys })
 * teach.correct(tag, 'login')
 */
export function useTeaching(options: {
  store: StoreApi<SmartTagsStoreState>;
  text: string;
  classifier: Pick<UseTeachableClassifierResult, 'learn' | 'forget'>;
  formatLabel: (label: string) => string;
  /** The toolbar's roving keys in order, to pick where focus goes when a tag disappears. */
  keys: readonly string[];
}): SmartTagsTeaching {
  const { store, text, classifier, formatLabel, keys } = options;
  const quoted = (label: string) => `“${formatLabel(label)}”`;

  const run = (work: () => Promise<void>, done: string, focusAfter: string | null) => {
    const state = store.getState();
    if (state.teaching) return;
    state.setTeaching(true);
    work()
      .then(
        () => {
          store.getState().announce(done);
          store.getState().requestFocus(focusAfter);
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          store.getState().announce(`Could not teach the classifier: ${message}`);
        },
      )
      .finally(() => store.getState().setTeaching(false));
  };

  /** The key after this tag's buttons: where focus goes when the tag disappears. */
  const keyAfter = (label: string) => {
    const last = keys.lastIndexOf(`${label}:reject`);
    return keys[last + 1] ?? 'choose';
  };

  return {
    accept: (label) =>
      run(
        () => classifier.learn({ text, label }),
        `Tagged ${quoted(label)}; the classifier learned from this example.`,
        `${label}:accept`,
      ),
    unaccept: (label) =>
      run(
        () => classifier.forget({ text, label }),
        `Removed the tag ${quoted(label)}; the classifier forgot this example.`,
        `${label}:accept`,
      ),
    reject: (tag) => {
      const next = keyAfter(tag.label);
      if (tag.state === 'suggested') {
        store.getState().dismiss(text, tag.label);
        store.getState().announce(`Rejected ${quoted(tag.label)}.`);
        store.getState().requestFocus(next);
        return;
      }
      run(
        async () => {
          await classifier.forget({ text, label: tag.label });
          store.getState().dismiss(text, tag.label);
        },
        `Rejected ${quoted(tag.label)}; the classifier forgot this example.`,
        next,
      );
    },
    correct: (tag, to) =>
      run(
        async () => {
          // Teaching the text again replaces its taught label: one retraining, not two.
          await classifier.learn({ text, label: to });
          store.getState().dismiss(text, tag.label);
        },
        `Changed ${quoted(tag.label)} to ${quoted(to)}; the classifier learned from this example.`,
        `${to}:accept`,
      ),
    choose: (label) =>
      run(
        () => classifier.learn({ text, label }),
        `Tagged ${quoted(label)}; the classifier learned from this example.`,
        `${label}:accept`,
      ),
  };
}
