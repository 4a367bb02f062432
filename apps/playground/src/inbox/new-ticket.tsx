import { SentimentTextarea, SmartTags } from '@ondevice/react';
import { useState } from 'react';
import { formatIntent, supportIntents, supportIntentsId } from './support-intents.js';

/**
 * A draft ticket: its sentiment and suggested intent update as you type (debounced, in the
 * worker), from the same classifier as the inbox.
 *
 * @example
 * <NewTicket />
 */
export function NewTicket() {
  const [text, setText] = useState('');
  return (
    <section aria-labelledby="new-ticket-heading" className="new-ticket">
      <h3 id="new-ticket-heading">Try a message</h3>
      <SentimentTextarea
        label="Message"
        rows={3}
        placeholder="e.g. Our invoice shows the wrong plan and nobody has replied for a week."
        value={text}
        onValueChange={setText}
        data-testid="new-ticket-input"
      />
      <SmartTags
        text={text}
        classifierId={supportIntentsId}
        labels={supportIntents}
        label="Intent of the message"
        formatLabel={formatIntent}
      />
    </section>
  );
}
