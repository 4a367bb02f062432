import { type PiiSpan, groupSpan, spansOf } from './pii-span.js';
import { fullName, nameTitle, trimName } from './person-names.js';

/** `hi` → `[Hh]i`: a keyword that may start a sentence. */
const either = (words: readonly string[]) =>
  words.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|');

const greetings = either([
  'hi',
  'hello',
  'hey',
  'hiya',
  'dear',
  'morning',
  'good morning',
  'good afternoon',
  'good evening',
  'thanks',
  'thank you',
  'thx',
  'cheers',
  'congrats to',
  'congratulations to',
  'welcome',
  'bye',
  'ok',
  'okay',
  'sorry',
]);
const signOffs = either([
  'thanks',
  'thank you',
  'many thanks',
  'thanks again',
  'cheers',
  'best',
  'best regards',
  'kind regards',
  'regards',
  'warm regards',
  'best wishes',
  'all the best',
  'sincerely',
  'yours sincerely',
  'yours truly',
  'yours',
  'love',
  'ta',
  'rgds',
  'take care',
  'talk soon',
]);
const introductions = either([
  'my name is',
  "my name's",
  "I'm",
  'I am',
  'this is',
  "it's",
  'it is',
]);
const roles = either([
  'name',
  'name on card',
  'contact',
  'customer',
  'patient',
  'applicant',
  'employee',
  'buyer',
  'seller',
  'tenant',
  'account holder',
  'cardholder',
  'author',
  'signed',
  'attn',
  'attention',
]);
const asks = either([
  'ask',
  'ping',
  'cc',
  'tell',
  'thank',
  'spoke with',
  'spoke to',
  'speak with',
  'speak to',
  'talk to',
  'talked to',
  'assigning to',
  'assign to',
  'assigned to',
  'escalated to',
  'reimburse',
  'meeting with',
  'met with',
  'call with',
  'authorise',
  'authorize',
]);

const nameEnd = String.raw`(?![\p{L}\p{M}'’-])`;

/** Rules whose group 1 is a name. */
const rules: readonly RegExp[] = [
  // Greetings: "Hi Maria,", "Dear Mr. Okafor", "thanks Priya!", "ok Mateo, sending…".
  new RegExp(
    String.raw`(?<![\p{L}])(?:${greetings})[,!]?[ \t]+(?:${nameTitle}[ \t]+)?(${fullName})${nameEnd}`,
    'dgu',
  ),
  // A title anywhere: "Dr. Chen", "Ms Fischer".
  new RegExp(String.raw`(?<![\p{L}])${nameTitle}[ \t]+(${fullName})${nameEnd}`, 'dgu'),
  // Introductions: "my name is Ana Pereira", "this is Priya from Acme", "It's Inès, I called…".
  new RegExp(
    String.raw`(?<![\p{L}])(?:${introductions})[ \t]+(${fullName})(?=[ \t]*(?:[,.!;?)]|$|\n|[ \t]+(?:from|here|and|speaking|calling|again|with|of|at|in|on|the)\b))`,
    'dgu',
  ),
  // Roles and labels: "Customer Priya Dubois", "Name: Ana", "account holder: Felix Haddad".
  new RegExp(String.raw`(?<![\p{L}])(?:${roles})[ \t]*:?[ \t]+(${fullName})${nameEnd}`, 'dgu'),
  // Sign-offs ending a line: "Thanks,\nChloé", "Kind regards,\nAmara Costa", "Love, Emeka".
  new RegExp(
    String.raw`(?:^|\n|[.!?)][ \t]+)(?:${signOffs})[ \t]*[,!.]?[ \t]*\n?[ \t]*(?:[-—–]+[ \t]*)?(${fullName})(?=[ \t]*(?:\n|$|[,(|]))`,
    'dgu',
  ),
  // A dash and a name ending the text or a line ("— Bruno"), or a name then a dash at a line start.
  new RegExp(String.raw`(?:^|[ \t])[—–][ \t]*(${fullName})[ \t]*(?=\n|$)`, 'dgu'),
  new RegExp(String.raw`(?:^|\n)(${fullName})[ \t]+[—–][ \t]`, 'dgu'),
  // The name under an email signature delimiter: "-- \nYuki Singh".
  new RegExp(String.raw`(?:^|\n)--[ \t]*\n(${fullName})(?=[ \t]*(?:\n|$))`, 'dgu'),
  // Mail headers and "Name <address>" / "Name (address)", the name perhaps in quotes.
  new RegExp(
    String.raw`(?<![\p{L}])(?:From|To|Cc|Bcc|Reply-To)[ \t]*:[ \t]*["']?(${fullName})["']?[ \t]*<`,
    'dgu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])["']?(${fullName}[ \t]+${fullName})["']?[ \t]*[<(][^\s@<>()]+@`,
    'dgu',
  ),
  // A speaker's label in a chat or transcript, then a sentence: "Sofia: the refund went through."
  new RegExp(String.raw`(?:^|\n|[.!?][ \t]+)(${fullName}):[ \t]+\p{Ll}`, 'dgu'),
  // Someone doing something, starting a sentence or a chat line: "Yuki said…", "lol Ravi just…".
  new RegExp(
    String.raw`(?:^|\n|[.!?:;][ \t]+|(?<![\p{L}])(?:lol|haha|omg|btw|fyi|so|and|but|because|when|then|also)[ \t]+)(${fullName})[ \t]+(?:said|says|wrote|writes|asked|asks|told|tells|replied|replies|mentioned|thinks|thought|just|takes|took|emailed|texted|messaged)\b`,
    'dgu',
  ),
  // Asking or meeting someone: "cc Anders Delgado", "ask Priya", "spoke with Ana Lopez".
  new RegExp(
    String.raw`(?<![\p{L}])(?:${asks})[ \t]+(?:${nameTitle}[ \t]+)?(${fullName})${nameEnd}`,
    'dgu',
  ),
];

/**
 * People's names found from the words around them, without a model: greetings (`Hi Maria,`,
 * `Dear Mr. Okafor`), sign-offs (`Thanks,\nPriya`), introductions (`my name is …`, `this is …
 * from`), titles (`Dr. Chen`; the title is not part of the span), labels (`Customer …`,
 * `Name: …`), mail headers (`From: … <`), a name before an address in angle brackets or
 * parentheses, and people asked or met (`cc …`, `spoke with …`). A name is one to three
 * capitalised words (`O'Brien`, `MacLeod`, `Anne-Marie`, particles such as `van der`);
 * words such as Team, Customer or Support are not names.
 *
 * @example
 * detectPersonsInContext('Hi Maria,\nthanks!\nPriya') // Maria and Priya
 */
export function detectPersonsInContext(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const rule of rules) {
    spans.push(
      ...spansOf(text, rule, 'PERSON', (match) => {
        const group = groupSpan(match, 1);
        return group && trimName(text.slice(group.start, group.end), group.start);
      }),
    );
  }
  return spans;
}
