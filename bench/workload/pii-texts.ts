import { type SeededRandom, seededRandom } from './seeded-random.js';

const firstNames = [
  'Maria',
  'James',
  'Aiko',
  'Oluwaseun',
  'Sophie',
  'Rahul',
  'Lucía',
  'Henrik',
  'Mei',
  'Tom',
];
const lastNames = [
  'Garcia',
  'Smith',
  'Kato',
  'Adebayo',
  'Martin',
  'Gupta',
  'Fernández',
  'Larsen',
  'Wang',
  'Baker',
];
const cards = [
  '4111 1111 1111 1111',
  '5555-5555-5555-4444',
  '378282246310005',
  '6011 1111 1111 1117',
];
const ibans = ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'NL91 ABNA 0417 1643 00'];

/** Sentences of a support thread; `$name`, `$email`… are filled in with seeded values. */
const sentences = [
  'Hi $first, thanks for getting back to me so quickly about order ORD-$order.',
  'I tried again this morning and the checkout still fails after I enter my details.',
  'You can reach me on $phone between 9:00 and 17:30, or by email at $email.',
  'The charge of $$amount appeared twice on my card $card last Tuesday.',
  'Please refund the duplicate to the original card, not to my bank account.',
  'For the direct debit, the account is $iban in the name of $full.',
  'Our logs show the request came from $ip with build v2.$minor.3 of the app.',
  'I attached a screenshot and the file report-$order.pdf from the downloads folder.',
  'The invoice INV-2024-$order lists the wrong VAT number, could you fix it?',
  'My colleague $full will follow up if I am out of the office next week.',
  'Nothing has changed on our side since the update on 2024-03-$day.',
  'The support article about resetting two-factor authentication did not help.',
  'Kind regards,\n$full',
  'Somebody pasted the token $token in the shared channel, please revoke it.',
  'Unfortunately the replacement device arrived with a cracked screen.',
  'Ticket #$order was closed automatically, but the issue is not solved.',
];

function fill(template: string, random: SeededRandom): string {
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(random.integer(0, 9))).join('');
  const values: Record<string, () => string> = {
    first: () => first,
    full: () => `${first} ${last}`,
    email: () =>
      `${first.toLowerCase()}.${last.toLowerCase()}@example.com`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
    phone: () =>
      random.pick([
        `+44 20 7946 0${digits(3)}`,
        `(415) 555-01${digits(2)}`,
        `06 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      ]),
    card: () => random.pick(cards),
    iban: () => random.pick(ibans),
    ip: () => `203.0.113.${random.integer(1, 254)}`,
    token: () =>
      `ghp_${Array.from({ length: 36 }, () => random.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('')}`,
    amount: () => `${random.integer(5, 900)}.${digits(2)}`,
    order: () => digits(5),
    minor: () => String(random.integer(0, 20)),
    day: () => String(random.integer(10, 28)),
  };
  return template.replace(/\$(\w+)/g, (match, name: string) => values[name]?.() ?? match);
}

/**
 * `count` support-thread texts of about `length` characters (sentences until the length is
 * reached), a seeded mix of sentences with and without personal data: the same texts on every
 * run.
 *
 * @example
 * const texts = piiBenchTexts(300, 1000, 2026)
 */
export function piiBenchTexts(count: number, length = 1000, seed = 2026): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < length) text += `${fill(random.pick(sentences), random)} `;
    return text.trimEnd();
  });
}
