import { describe, expect, it } from 'vitest';
import { PlaceholderRestorer } from './placeholder-restorer.js';

const values: Record<string, string> = {
  '[EMAIL_1]': 'jane@example.com',
  '[PERSON_12]': 'Maria Lopez',
  '[IP_ADDRESS_1]': '10.0.0.1',
};
const restore = (text: string) =>
  text.replace(/\[[A-Z_]+_\d+\]/g, (placeholder) => values[placeholder] ?? placeholder);
const answer =
  'Dear [PERSON_12], [EMAIL_1] [is] on [IP_ADDRESS_1]; [EMAIL_9] is not ours, [EMAIL_ nor [x.';
const restored =
  'Dear Maria Lopez, jane@example.com [is] on 10.0.0.1; [EMAIL_9] is not ours, [EMAIL_ nor [x.';

function run(pieces: string[]): string[] {
  const restorer = new PlaceholderRestorer(restore);
  return [...pieces.map((piece) => restorer.write(piece)), restorer.flush()];
}

describe('PlaceholderRestorer', () => {
  it('restores the answer split in two at every index', () => {
    for (let at = 0; at <= answer.length; at += 1) {
      expect(run([answer.slice(0, at), answer.slice(at)]).join(''), `split at ${at}`).toBe(
        restored,
      );
    }
  });

  it('restores the answer split at every pair of indices, and one character at a time', () => {
    for (let first = 0; first <= answer.length; first += 1) {
      for (let second = first; second <= answer.length; second += 1) {
        const pieces = [answer.slice(0, first), answer.slice(first, second), answer.slice(second)];
        expect(run(pieces).join(''), `split at ${first}, ${second}`).toBe(restored);
      }
    }
    expect(run([...answer]).join('')).toBe(restored);
  });

  it('holds back only a possible placeholder prefix and passes the rest on at once', () => {
    const restorer = new PlaceholderRestorer(restore);
    expect(restorer.write('Hello [EMA')).toBe('Hello ');
    expect(restorer.write('IL_')).toBe('');
    expect(restorer.write('1] and [PER')).toBe('jane@example.com and ');
    expect(restorer.write('SON_12')).toBe('');
    expect(restorer.write('].')).toBe('Maria Lopez.');
    expect(restorer.write('[not a placeholder')).toBe('[not a placeholder');
    expect(restorer.write('[EMAIL_1x')).toBe('[EMAIL_1x');
    expect(restorer.write('[')).toBe('');
    expect(restorer.flush()).toBe('[');
    expect(restorer.flush()).toBe('');
  });
});
