import { formatPercent } from '../format/format-percent.js';
import type { SuggestedTag } from './suggest-tags.js';
import type { RovingFocus } from './use-roving-focus.js';
import type { TagMenus } from './use-tag-menus.js';
import type { SmartTagsTeaching } from './use-teaching.js';

/** The roving keys of a tag's buttons, in DOM order. */
export function tagKeys(label: string): string[] {
  return [`${label}:accept`, `${label}:correct`, `${label}:reject`];
}

/** "billing, 72 %", with ", unsure" for a low-confidence suggestion. */
function chipName(tag: SuggestedTag, name: string): string {
  const confidence = tag.confidence === undefined ? '' : `, ${formatPercent(tag.confidence)}`;
  return `${name}${confidence}${tag.unsure ? ', unsure' : ''}`;
}

/**
 * One tag of `<SmartTags>`: a toggle that accepts it (teaches the label), a button that opens
 * the menu to change it to another label, and one that rejects it.
 *
 * @example
 * <TagChip tag={tag} name="billing" others={['login']} teach={teach} roving={roving} menus={menus} />
 */
export function TagChip({
  tag,
  name,
  others,
  teach,
  roving,
  menus,
}: {
  tag: SuggestedTag;
  name: string;
  /** Labels it can be changed to. */
  others: readonly string[];
  teach: SmartTagsTeaching;
  roving: Pick<RovingFocus, 'rovingProps'>;
  menus: TagMenus;
}) {
  const [acceptKey, correctKey, rejectKey] = tagKeys(tag.label) as [string, string, string];
  return (
    <span
      data-part="tag"
      data-state={tag.state}
      data-label={tag.label}
      data-unsure={tag.unsure ? '' : undefined}
    >
      <button
        type="button"
        data-part="accept"
        aria-pressed={tag.state === 'accepted'}
        aria-label={chipName(tag, name)}
        onClick={() =>
          tag.state === 'accepted' ? teach.unaccept(tag.label) : teach.accept(tag.label)
        }
        {...roving.rovingProps(acceptKey)}
      >
        <span data-part="tag-label">{name}</span>
        {tag.confidence !== undefined && (
          <span data-part="confidence">{formatPercent(tag.confidence)}</span>
        )}
      </button>
      <button
        type="button"
        data-part="correct"
        aria-label={`Change ${name}`}
        {...roving.rovingProps(correctKey)}
        {...menus.menuTriggerProps(correctKey)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      <button
        type="button"
        data-part="reject"
        aria-label={`Reject ${name}`}
        onClick={() => teach.reject(tag)}
        {...roving.rovingProps(rejectKey)}
      >
        <span aria-hidden="true">×</span>
      </button>
      {menus.menuFor(correctKey, `Change ${name} to`, others, (to) => teach.correct(tag, to))}
    </span>
  );
}
