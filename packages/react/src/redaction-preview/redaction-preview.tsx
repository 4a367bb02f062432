import { type ComponentPropsWithoutRef, type ReactNode, forwardRef, useId, useMemo } from 'react';
import { piiTypeName } from './pii-type-names.js';
import { redactionCounts } from './redaction-counts.js';
import { redactionSegments } from './redaction-segments.js';

/**
 * One piece of personal data found in the text, as `redactPII()` lists it in `entities`
 * (core's `PiiEntity` is one): masked when it has a `placeholder`, left in the text as it is
 * when it has none (its type's policy was `allow`).
 *
 * @example
 * const entity: RedactionPreviewEntity = { type: 'EMAIL', start: 9, end: 25, placeholder: '[EMAIL_1]' }
 */
export interface RedactionPreviewEntity {
  /** Its type: one of `redactPII()`'s (`EMAIL`, `PERSON`…) or your own. */
  type: string;
  /** Offset of its first UTF-16 code unit in the original text, as `redactPII()` gives it. */
  start: number;
  /** Offset just after its last UTF-16 code unit in the original text (exclusive). */
  end: number;
  /** The placeholder that replaced it in `text` (`[EMAIL_1]`); none when it was not masked. */
  placeholder?: string;
}

/**
 * States of `<RedactionPreview>`, as its `data-state`: `masked` when at least one value was
 * replaced by a placeholder, `unmasked` when the text leaves as it is.
 *
 * @example
 * [data-ondevice-redaction-preview][data-state='unmasked'] [data-part='summary'] { color: green }
 */
export type RedactionPreviewState = 'masked' | 'unmasked';

/**
 * Props of {@link RedactionPreview}; other props go to the root `<div>`.
 *
 * @example
 * const { text, entities } = await redactPII(ticket)
 * <RedactionPreview text={text} entities={entities} onConfirm={send} onCancel={close} />
 */
export interface RedactionPreviewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The exact text that will leave the device: `redactPII()`'s `text`, with its placeholders. */
  text: string;
  /**
   * What was found: `redactPII()`'s `entities` as they are (offsets into the original text).
   * The counts per type are derived from them.
   */
  entities: readonly RedactionPreviewEntity[];
  /**
   * Visible label of the outgoing text, which is a focusable region (it scrolls when long).
   * @default 'Text that will be sent'
   */
  label?: ReactNode;
  /**
   * How a type reads for `count` entities, in the marks' labels and the counts.
   * @default EMAIL → "email address" / "email addresses", PHONE → "phone number"…, others as they are
   */
  formatType?: (type: string, count: number) => string;
  /** Shows a confirm button that calls this (e.g. sends the text). */
  onConfirm?: () => void;
  /** Shows a cancel button that calls this. */
  onCancel?: () => void;
  /**
   * Text of the confirm button.
   * @default 'Send'
   */
  confirmLabel?: ReactNode;
  /**
   * Text of the cancel button.
   * @default 'Cancel'
   */
  cancelLabel?: ReactNode;
}

/**
 * Shows what a text will look like when it leaves the device after `redactPII()`: the exact
 * outgoing text in a labelled, focusable region (keyboard users can scroll a long one), each
 * placeholder a `<mark data-part="masked">` whose label reads e.g. "email address, masked"
 * (visually hidden text inside the mark, and its `title`), values a policy allowed marked as
 * "…, not masked"; a summary tied to the region by `aria-describedby`; the counts per type as a
 * list; "Nothing was masked" when nothing was; and optional confirm and cancel buttons. Pass
 * `redactPII()`'s `text` and `entities` as they are: the entities' offsets are into the
 * original text, and the widget finds each placeholder in the redacted one. Unstyled: style it
 * through `data-state` (masked, unmasked), `data-part` and `data-pii-type`, or import
 * `@ondevice/react/theme.css` (which also keeps the text's line breaks).
 *
 * @example
 * function ConfirmSend({ ticket, onSend }: { ticket: string; onSend: (text: string) => void }) {
 *   const [redaction, setRedaction] = useState<Redaction>()
 *   useEffect(() => void redactPII(ticket).then(setRedaction), [ticket])
 *   if (!redaction) return null
 *   return (
 *     <RedactionPreview
 *       text={redaction.text}
 *       entities={redaction.entities}
 *       onConfirm={() => onSend(redaction.text)}
 *       confirmLabel="Send to support"
 *     />
 *   )
 * }
 */
export const RedactionPreview = forwardRef<HTMLDivElement, RedactionPreviewProps>(
  function RedactionPreview(
    {
      text,
      entities,
      label = 'Text that will be sent',
      formatType = piiTypeName,
      onConfirm,
      onCancel,
      confirmLabel = 'Send',
      cancelLabel = 'Cancel',
      ...props
    },
    ref,
  ) {
    const id = useId();
    const segments = useMemo(() => redactionSegments(text, entities), [text, entities]);
    const counts = useMemo(() => redactionCounts(entities), [entities]);
    const masked = counts.reduce((sum, count) => sum + count.masked, 0);
    const unmasked = counts.reduce((sum, count) => sum + count.unmasked, 0);
    // One row per type and action: "2 email addresses masked", "1 IP address not masked".
    const rows = counts.flatMap(({ type, ...count }) => [
      ...(count.masked > 0 ? [{ type, action: 'mask', count: count.masked }] : []),
      ...(count.unmasked > 0 ? [{ type, action: 'allow', count: count.unmasked }] : []),
    ]);
    const state: RedactionPreviewState = masked > 0 ? 'masked' : 'unmasked';
    const labelId = `${id}-label`;
    const summaryId = `${id}-summary`;

    return (
      <div ref={ref} data-ondevice-redaction-preview="" data-state={state} {...props}>
        <p data-part="label" id={labelId}>
          {label}
        </p>
        <div
          data-part="text"
          role="region"
          aria-labelledby={labelId}
          aria-describedby={summaryId}
          // Focusable so that keyboard users can reach it and scroll a long text.
          tabIndex={0}
        >
          {segments.map((segment) => {
            if (segment.kind === 'text') return segment.text;
            const name = `${formatType(segment.type, 1)}, ${segment.kind === 'masked' ? 'masked' : 'not masked'}`;
            return (
              <mark
                key={segment.start}
                data-part={segment.kind}
                data-pii-type={segment.type}
                title={name}
              >
                {segment.text}
                <span data-part="mark-label"> ({name})</span>
              </mark>
            );
          })}
        </div>
        <p data-part="summary" id={summaryId}>
          {summaryText(masked, unmasked)}
        </p>
        {rows.length > 0 && (
          <ul data-part="counts" aria-label="Personal data found, by type">
            {rows.map(({ type, action, count }) => (
              <li key={`${type}-${action}`} data-pii-type={type} data-action={action}>
                {count} {formatType(type, count)} {action === 'mask' ? 'masked' : 'not masked'}
              </li>
            ))}
          </ul>
        )}
        {(onConfirm || onCancel) && (
          <div data-part="actions">
            {onConfirm && (
              <button type="button" data-part="confirm" onClick={onConfirm}>
                {confirmLabel}
              </button>
            )}
            {onCancel && (
              <button type="button" data-part="cancel" onClick={onCancel}>
                {cancelLabel}
              </button>
            )}
          </div>
        )}
      </div>
    );
  },
);

function summaryText(masked: number, unmasked: number): string {
  const items = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;
  const left =
    unmasked === 0
      ? ''
      : ` ${items(unmasked)} ${unmasked === 1 ? 'is' : 'are'} sent as ${unmasked === 1 ? 'it is' : 'they are'} (allowed by the policy).`;
  if (masked > 0) return `${items(masked)} masked before sending.${left}`;
  if (unmasked > 0) return `Nothing was masked.${left}`;
  return 'Nothing was masked: no personal data was found. The text is sent as it is.';
}
