/**
 * One event of a `text/event-stream`: its `data` lines joined with `\n`, and its `event` name
 * when it had one.
 *
 * @example
 * const message: ServerSentEvent = { event: 'message_start', data: '{"type":"message_start"}' }
 */
export interface ServerSentEvent {
  event?: string;
  data: string;
  id?: string;
}

/**
 * Parses a server-sent event stream as the WHATWG spec reads it, whatever the network did to it:
 * chunks split mid-line or inside a UTF-8 character (a streaming `TextDecoder` keeps partial
 * characters), `\r\n`, `\r` or `\n` line ends (a `\r` at the end of a chunk waits for the next
 * to see whether `\n` follows), `:` comment lines (keep-alives), several `data:` lines in one
 * event, and a last event without its blank line (dropped, as the spec says).
 *
 * @example
 * for await (const message of serverSentEvents(response.body!)) console.log(message.data)
 */
export async function* serverSentEvents(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  const line = (text: string): ServerSentEvent | undefined => {
    if (text === '') {
      const message =
        data.length === 0
          ? undefined
          : {
              data: data.join('\n'),
              ...(event === undefined ? {} : { event }),
              ...(id === undefined ? {} : { id }),
            };
      data = [];
      event = undefined;
      return message;
    }
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
    return undefined;
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const character = buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      // A '\r' last in the buffer may be the first half of '\r\n': wait for more.
      if (character === '\r' && index === buffer.length - 1) break;
      const message = line(buffer.slice(start, index));
      if (character === '\r' && buffer[index + 1] === '\n') index++;
      start = index + 1;
      if (message) yield message;
    }
    buffer = buffer.slice(start);
  }
  buffer += decoder.decode();
  // A stream may end on a line without its end; the spec drops an event without a blank line.
  for (const text of buffer.split(/\r\n|\r|\n/)) line(text);
}
