// The held-out labelled PII set (pii-held-out.jsonl): written before the detectors were tuned
// and never used to tune them. Its templates, phrasings, names, domains, phone formats and IBAN
// countries are its own (none shared with main-set.test.support.ts, but for two IBAN countries, DE and FR, and
// the generic hard negatives of draw-values.test.support.ts); it is only ever reported.
import type { SetPools, Template } from './draw-values.test.support.js';
import { type Random, between, numeric, pick } from './pii-values.test.support.js';

const d2 = (random: Random) => numeric(random, 2, '0123456789');
const d3 = (random: Random) => numeric(random, 3, '0123456789');
const d4 = (random: Random) => numeric(random, 4, '0123456789');

/** The held-out set's pools: no name, domain or format in common with the main set's. */
export const heldOutPools: SetPools = {
  firstNames: [
    'Beatriz',
    'Arjun',
    'Siobhan',
    'Kenji',
    'Marta',
    'Tobias',
    'Ngozi',
    'Hamza',
    'Freya',
    'Luca',
    'Camille',
    'Dmitri',
    'Rosa',
    'Emeka',
    'Astrid',
    'Vikram',
    'Inès',
    'Oscar',
    'Layla',
    'Henrik',
    'Mariana',
    'Tariq',
    'Elif',
    'Callum',
    'Thandiwe',
    'Bruno',
    'Keiko',
    'Rafael',
    'Saoirse',
    'Anders',
  ],
  lastNames: [
    'Pereira',
    'Iyer',
    'Fitzgerald',
    'Watanabe',
    'Jansen',
    'Lindqvist',
    'Adeyemi',
    'Rahman',
    'Moreau',
    'Ferrari',
    'Volkov',
    'Ortega',
    'Nwosu',
    'Bergström',
    'Kapoor',
    'Herrera',
    'Delgado',
    'Brennan',
    'Yamamoto',
    'Hoffmann',
    'Sato',
    'Kaur',
    'MacLeod',
    'Dimitrov',
    'Zielińska',
  ],
  emailDomains: [
    'hotmail.com',
    'icloud.com',
    'gmx.net',
    'tutanota.com',
    'hooli.com',
    'wayne-ent.com',
    'piedpiper.io',
    'stark.industries',
    'cyberdyne.ai',
    'libero.it',
    'free.fr',
    'btinternet.com',
  ],
  serviceDomains: [
    'tickets.lumen.dev',
    'shop.parcelpoint.eu',
    'portal.medisync.health',
    'api.ferrybook.com',
  ],
  companies: [
    'Hooli',
    'Pied Piper',
    'Wayne Enterprises',
    'Stark Industries',
    'Cyberdyne',
    'Soylent',
    'Vandelay Industries',
  ],
  products: [
    'iPad Air',
    'MacBook Pro',
    'Xbox Series X',
    'Fitbit Charge 6',
    'Kobo Clara',
    'Roomba j7',
    'Dyson V15',
    'GoPro Hero 12',
    'Oura Ring',
    'Nintendo Switch',
    'Sonos Era 100',
  ],
  cities: ['Porto', 'Munich', 'Denver', 'Glasgow', 'Marseille', 'Sapporo', 'Vancouver', 'Lagos'],
  ibanCountries: ['PL', 'AT', 'PT', 'SE', 'NO', 'LU', 'DE', 'FR'],
  phones: [
    (r) => `+44 7700 900 ${d3(r)}`,
    (r) => `+1-${pick(r, ['718', '305', '404', '702'])}-555-01${d2(r)}`,
    (r) => `(${pick(r, ['718', '305', '404', '702'])}) 555-01${d2(r)}`,
    (r) => `+33 1 ${d2(r)} ${d2(r)} ${d2(r)} ${d2(r)}`,
    (r) => `+49 (0)89 ${numeric(r, 7)}`,
    (r) => `0044 20 7946 0${d3(r)}`,
    (r) => `+39 06 ${d4(r)} ${d4(r)}`,
    (r) => `+46 8 ${d3(r)} ${d3(r)} ${d2(r)}`,
    (r) => `+65 6${d3(r)} ${d4(r)}`,
    (r) => `+27 21 ${d3(r)} ${d4(r)}`,
    (r) => `+55 11 9${d4(r)}-${d4(r)}`,
    (r) => `0161 496 0${d3(r)}`,
    (r) => `${pick(r, ['718', '305', '404', '702'])}.555.01${d2(r)}`,
    (r) => `+353 87 ${d3(r)} ${d4(r)}`,
    (r) => `07${between(r, 1, 9)} ${d3(r)} ${d2(r)} ${d2(r)}`,
  ],
};

/** Lines that mention personal data. */
const withPii: Template[] = [
  // Marketplace and landlord messages.
  (d) =>
    `Is the bike still available? If yes message me on WhatsApp ${d.phone()}, I can pick it up tonight`,
  (d) =>
    `Rent for ${d.pick(['March', 'April', 'May'])} goes to ${d.iban()}, reference "flat 3B". Thanks, ${d.first()}`,
  (d) =>
    `Buyer ${d.full()} left a 1-star review after paying with ${d.card()} — chargeback incoming?`,
  (d) => `You can also Venmo me or just send it to ${d.email()} via PayPal.`,
  // App store and forum posts.
  (d) =>
    `App keeps logging me out!!! Support told me to email ${d.roleEmail()} but nobody answers. — ${d.first()}`,
  (d) => `Posting my config in case it helps: api_key: ${d.secret('opaque')} region: eu-west-1`,
  (d) => `UPDATE: fixed by regenerating the token (the old one, ${d.apiKey()}, is revoked now).`,
  (d) => `${d.full()} wrote: "the ${d.product()} firmware ${d.version()} bricked mine too"`,
  // Call transcripts.
  (d) =>
    `Agent: Can I have the long number on the front of the card? Caller: sure, it's ${d.card(' ')}.`,
  (d) => `Agent: And a callback number? Caller: ${d.phone()}, that's my mobile.`,
  (d) => `Caller gave her social as ${d.ssn()} and her name as ${d.full()}.`,
  (d) =>
    `Agent: Who am I speaking with? Caller: It's ${d.full()}, I called yesterday about ${d.ticket()}.`,
  // Jira and code review.
  (d) =>
    `Repro: POST /v1/charges from ${d.ipv4('public')} with the header "Authorization: Bearer ${d.secret('jwt')}" returns 500.`,
  (d) => `Assigning to ${d.first()} since ${d.first()} is on leave until ${d.date()}.`,
  (d) =>
    `nit: don't hardcode ${d.secret('aws-key-id')} here, read it from the vault like ${d.first()} suggested`,
  (d) =>
    `The flaky test only fails on the runner at ${d.ipv6('compressed')}; ${d.first()} is looking into it.`,
  (d) => `LGTM. cc ${d.full()} for the security review of the token refresh flow.`,
  // Structured data.
  (d) => `name,email,phone\n${d.full()},${d.email()},${d.phone()}`,
  (d) => `"customer": {"name": "${d.full()}", "iban": "${d.iban('compact')}", "tier": "gold"}`,
  (d) => `[db]\nhost = ${d.ipv4('private')}\nuser = etl\npassword = ${d.password()}`,
  (d) => `smtp_url: smtps://${d.userinfo()}@smtp.${d.pick(d.pools.serviceDomains)}:465`,
  (d) =>
    `level=error msg="token rejected" client_ip=${d.ip()} token=${d.secret(d.pick(['opaque', 'jwt']))}`,
  (d) => `${d.timestamp()} | user ${d.email()} changed MFA phone to ${d.phone()}`,
  (d) => `redis://${d.userinfo()}@cache.${d.pick(d.pools.serviceDomains)}:6379/0`,
  (d) => `SLACK_BOT_TOKEN="${d.secret('slack-bot')}"`,
  (d) => `Set-Cookie: session=${d.secret('jwt')}; HttpOnly; Secure`,
  (d) =>
    `webhook https://${d.pick(d.pools.serviceDomains)}/hook?access_token=${d.secret('opaque')} returned 410`,
  (d) => `allowlist: [${d.ipv4('public')}, ${d.ipv4('public')}, ${d.ipv6('full')}]`,
  // Health, HR and finance.
  (d) =>
    `Reminder: ${d.first()}, your dental check-up is on ${d.date()} at ${d.time()}. Reply STOP to opt out.`,
  (d) =>
    `Payroll change: employee ${d.full()}, new account ${d.iban('print')}, effective ${d.date()}.`,
  (d) => `W-2 for ${d.full()} lists SSN ${d.ssn()}; please correct the spelling of the surname.`,
  (d) => `Expense claim ${d.invoice()}: ${d.amount()} paid with corporate card ${d.card()}.`,
  (d) => `Emergency contact for ${d.first()}: ${d.full()}, ${d.phone()}`,
  (d) => `Benefits enrolment: ${d.full()} (SSN ${d.ssn()}) adds a dependant.`,
  (d) => `Transfer ${d.amount()} from ${d.iban()} to ${d.iban()} on ${d.date()}.`,
  // Emails in another voice.
  (d) =>
    `Hiya ${d.first()}!\nJust checking you got my last message? My new email is ${d.email()}.\nLove, ${d.first()}`,
  (d) =>
    `Good afternoon ${d.pick(['Mr', 'Ms', 'Dr'])} ${d.last()},\nWe could not process your payment. Please call us on ${d.phone()}.\nYours sincerely,\n${d.full()}`,
  (d) =>
    `To whom it may concern,\nI authorise ${d.full()} to collect my parcel ${d.order()}.\nRegards,\n${d.full()}`,
  (d) =>
    `${d.first()} — following up on our call. The credentials for the test tenant are user: demo / password: ${d.password()}\nCheers`,
  (d) => `Many thanks,\n${d.first()}`,
  (d) =>
    `Hey ${d.first()}, the Wi-Fi at the cabin is "LakeHouse" and the key is pwd=${d.password()} 😄`,
  (d) => `Hello! I'm ${d.full()}, the new office manager. My direct line is ${d.phone()}.`,
  (d) => `${d.full()} (${d.email()}) has been added to the project.`,
  (d) => `Ask ${d.first()} ${'about'} the ${d.product()} licence; she renewed it last month.`,
  (d) => `Congrats to ${d.full()} on 10 years at ${d.company()}! 🎉🎉`,
  (d) => `mailto:${d.email()}?subject=Order%20${numeric(d.random, 5)}`,
  (d) =>
    `Login from new device: ${d.product()}, IP ${d.ipv4()}, near ${d.city()}. Not you? Reset your password.`,
  (d) => `Card: ${d.card()} (CVV withheld). Name on card: ${d.full()}.`,
  (d) => `pls just put it on ${d.card()} — thanks!!`,
  (d) => `tax id (SSN) ${d.ssn()} — verified against the W-9 on ${d.date()}`,
  (d) => `SSN: ${d.ssn()} / DOB: ${d.date()} / Name: ${d.full()}`,
];

/** Lines with no personal data. */
const withoutPii: Template[] = [
  (d) =>
    `Your parcel ${d.order()} is at the ${d.city()} depot and will be delivered on ${d.date()}.`,
  (d) => `Firmware ${d.version()} is rolling out to ${d.product()} devices this week.`,
  (d) => `Receipt ${d.invoice()}: ${d.amount()}, paid ${d.date()} ${d.time()}.`,
  (d) => `Rolled back ${d.commit()} because of the memory leak; see ${d.ticket()}.`,
  (d) => `Card number ${d.badCard()} is invalid, please check the digits.`,
  (d) => `Backup written to ${d.path()} (${d.between(2, 900)} MB).`,
  () => `Kindly note our opening hours: Monday to Friday, 9:00 to 17:30.`,
  () => `Everything is working again, thank you all for your patience!`,
  (d) =>
    `Upgrade from 2.${d.between(0, 9)}.${d.between(0, 9)} to 3.${d.between(0, 9)}.${d.between(0, 9)} requires a database migration.`,
  (d) => `Session ${d.uuid()} expired after ${d.between(15, 60)} minutes of inactivity.`,
  (d) => `We received ${d.between(2, 900)} complaints about the ${d.product()} since ${d.date()}.`,
  (d) => `Price drop: ${d.product()} now ${d.amount()} (was ${d.amount()}).`,
  (d) => `Docker image pulled: registry.example.com/api@${d.hash()}`,
  (d) => `Set the timeout to ${d.between(10, 120)} s and the retry count to ${d.between(2, 6)}.`,
  () => `Please reset your password from the settings page; we will never ask for it by email.`,
  () => `The token has expired, please sign in again.`,
  (d) => `Grace period ends on ${d.date()}; after that the account is suspended.`,
  (d) => `Case ${d.ticket()} merged into ${d.ticket()}.`,
  (d) =>
    `Bank holiday on ${d.date()}: transfers made after ${d.time()} are processed the next day.`,
  (d) => `IBAN ${d.badIban()} has a wrong check digit.`,
  (d) =>
    `Tested on Chrome 12${d.between(0, 9)}.0.${d.between(6000, 6999)}.${d.between(10, 200)} and Firefox 12${d.between(0, 9)}.0.`,
  (d) => `The meeting notes from ${d.date()} are in the shared drive under ${d.path()}.`,
  (d) => `Quantity ${d.between(1, 12)} of ${d.sku()}, unit price ${d.amount()}.`,
  (d) => `Reminder: the office will be closed for maintenance on ${d.date()}.`,
  (d) => `Hash mismatch: expected ${d.commit()}, got ${d.commit()}.`,
  (d) => `Load balancer health check: ${d.between(3, 12)}/12 targets healthy.`,
  (d) => `Wayne Enterprises and Stark Industries signed the partnership in ${d.city()}.`,
  (d) => `Summer sale starts ${d.date()} — up to ${d.between(10, 60)} % off ${d.product()}.`,
];

/** The held-out set's templates. */
export const heldOutTemplates: { withPii: readonly Template[]; withoutPii: readonly Template[] } = {
  withPii,
  withoutPii,
};
