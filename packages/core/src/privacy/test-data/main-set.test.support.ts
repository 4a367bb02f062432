// The main labelled PII set (pii-main.jsonl): support tickets, chats, emails, logs and notes,
// written for this project. The detectors are tuned on this set only; the held-out set
// (held-out-set.test.support.ts) has its own templates, names and values.
import type { Draw, SetPools, Template } from './draw-values.test.support.js';
import { tag } from './labelled-markup.test.support.js';
import { type Random, between, numeric, pick } from './pii-values.test.support.js';

const d3 = (random: Random) => numeric(random, 3, '0123456789');
const d2 = (random: Random) => numeric(random, 2, '0123456789');
const area = (random: Random) =>
  pick(random, ['415', '212', '312', '617', '206', '303', '512', '646']);
const pairs = (random: Random, count: number) =>
  Array.from({ length: count }, () => d2(random)).join(' ');

/** The main set's pools. */
export const mainPools: SetPools = {
  firstNames: [
    'Maria',
    'Priya',
    'James',
    'Olivia',
    'Wei',
    'Aisha',
    'Lucas',
    'Sofia',
    'Mateo',
    'Hannah',
    'Daniel',
    'Fatima',
    'Noah',
    'Emma',
    'Ravi',
    'Chloé',
    'Tomasz',
    'Ingrid',
    'Kwame',
    'Yuki',
    'Elena',
    'Omar',
    'Grace',
    'Lars',
    'Amara',
    'Diego',
    'Nadia',
    'Samuel',
    'Leila',
    'Ethan',
    'Mei',
    'Jonas',
    'Zara',
    'Pedro',
    'Anika',
    'Connor',
    'Sakura',
    'Mohammed',
    'Isabel',
    'Felix',
  ],
  lastNames: [
    'Lopez',
    'Sharma',
    "O'Brien",
    'Chen',
    'Okafor',
    'Müller',
    'Rossi',
    'Kowalski',
    'Nguyen',
    'Johansson',
    'Haddad',
    'Silva',
    'Murphy',
    'Tanaka',
    'Petrov',
    'Dubois',
    'Mensah',
    'García',
    'Schmidt',
    'Anderson',
    'Khan',
    'Novak',
    'Fischer',
    'Hughes',
    'Park',
    'Costa',
    'Ivanova',
    'Walsh',
    'Singh',
    'Bianchi',
  ],
  emailDomains: [
    'gmail.com',
    'outlook.com',
    'yahoo.co.uk',
    'proton.me',
    'acme-corp.com',
    'northwind.io',
    'contoso.org',
    'fabrikam.de',
    'globex.co',
    'initech.net',
    'web.de',
    'orange.fr',
  ],
  serviceDomains: [
    'shopwave.com',
    'helpdesk.example.com',
    'billing.cloudnest.io',
    'mail.tandem.app',
  ],
  companies: [
    'Acme Corp',
    'Northwind Traders',
    'Globex',
    'Initech',
    'Contoso',
    'Fabrikam',
    'Umbrella Health',
  ],
  products: [
    'Acme Cloud',
    'Pixel 8',
    'Galaxy S23',
    'ThinkPad X1 Carbon',
    'Model Y',
    'AirPods Pro',
    'Kindle Paperwhite',
    'Surface Laptop 5',
    'Nest Thermostat',
    'PlayStation 5',
    'Echo Dot',
    'Garmin Forerunner 265',
    'Steam Deck',
    'Apple Watch SE',
  ],
  cities: ['Lisbon', 'Berlin', 'Austin', 'Manchester', 'Lyon', 'Osaka', 'Toronto', 'Nairobi'],
  ibanCountries: ['DE', 'GB', 'FR', 'NL', 'ES', 'IT', 'BE', 'CH', 'IE', 'DK', 'FI'],
  phones: [
    (r) => `+44 20 7946 0${d3(r)}`,
    (r) => `+44 7700 900${d3(r)}`,
    (r) => `020 7946 0${d3(r)}`,
    (r) => `07700 900${d3(r)}`,
    (r) => `+1 (${area(r)}) 555-01${d2(r)}`,
    (r) => `(${area(r)}) 555-01${d2(r)}`,
    (r) => `${area(r)}-555-01${d2(r)}`,
    (r) => `+1 ${area(r)} 555 01${d2(r)}`,
    (r) => `${area(r)}.555.01${d2(r)}`,
    (r) => `1-800-555-01${d2(r)}`,
    (r) => `0${between(r, 6, 7)} ${pairs(r, 4)}`,
    (r) => `+33 6 ${pairs(r, 4)}`,
    (r) => `01 ${pairs(r, 4)}`,
    (r) => `+49 30 ${numeric(r, 8)}`,
    (r) => `030 ${numeric(r, 7)}`,
    (r) => `+49 151 ${numeric(r, 8)}`,
    (r) => `+61 2 ${numeric(r, 4)} ${numeric(r, 4)}`,
    (r) => `+91 ${numeric(r, 5, '6789')} ${numeric(r, 5)}`,
    (r) => `+81 3-${numeric(r, 4)}-${numeric(r, 4)}`,
    (r) => `+34 6${d2(r)} ${d3(r)} ${d3(r)}`,
  ],
};

/** Lines that mention personal data. */
const withPii: Template[] = [
  // Support tickets.
  (d) =>
    `Hi ${d.first()}, I still haven't received order ${d.order()}. You can reach me at ${d.phone()} or ${d.email()}.`,
  (d) =>
    `My card ${d.card()} was charged twice for ${d.invoice()} (${d.amount()}). Please refund one of them.`,
  (d) =>
    `Please update the payout account to ${d.iban()}; the old one at ${d.company()} is closed.`,
  (d) => {
    const [first, last] = [d.firstName(), d.lastName()];
    return `Customer ${d.full(first, last)} (${d.email(first, last)}) asked for a copy of all data we hold on ${d.date()}.`;
  },
  (d) =>
    `I can't log in since the ${d.product()} update ${d.version()}. My username is the email ${d.email()} and the password is ${d.password()}`,
  (d) =>
    `Refund request: ${d.amount()} back to card ending in ${numeric(d.random, 4)}, not the full number. Ticket ${d.ticket()}.`,
  (d) => `Please call me back on ${d.phone()} after ${d.time()}, I'm in a meeting until then.`,
  (d) => {
    const first = d.firstName();
    return `Hello, this is ${d.first(first)} from ${d.company()}. Our invoice ${d.invoice()} shows the wrong VAT. Best, ${d.first(first)}`;
  },
  (d) => `For the direct debit use IBAN ${d.iban('print')} (account holder: ${d.full()}).`,
  (d) =>
    `Tax form attached. SSN ${d.ssn()}, filing status single. Please don't share it with anyone.`,
  (d) =>
    `The login alert came from ${d.ipv4('public')} at ${d.time()} and I was asleep. Was my account hacked?`,
  (d) =>
    `Dear ${d.pick(['Mr.', 'Ms.', 'Dr.', 'Mrs.'])} ${d.last()}, your replacement ${d.product()} ships on ${d.date()} under order ${d.order()}.`,
  (d) => `I accidentally pasted my key ${d.apiKey()} into the public channel. Can you revoke it?`,
  (d) =>
    `New shipping address for ${d.order()}: please contact ${d.full()} at ${d.phone()} on arrival.`,
  (d) =>
    `Can you check why ${d.first()}'s subscription renewed at ${d.amount()} instead of ${d.amount()}?`,
  (d) =>
    `My name is ${d.full()} and I'd like to close my account. The email on file is ${d.email()}.`,
  (d) => {
    const [first, last] = [d.firstName(), d.lastName()];
    return `Lead: ${d.full(first, last)}, ${d.company()}, ${d.email(first, last)}, ${d.phone()}. Interested in ${d.product()}.`;
  },
  (d) =>
    `Wrong card on file. Replace it with ${d.card(' ')}, exp ${String(d.between(1, 12)).padStart(2, '0')}/${d.between(26, 30)}.`,
  (d) => `Ticket ${d.ticket()}: ${d.full()} reports that the ${d.product()} app crashes on start.`,
  (d) =>
    `I paid ${d.amount()} by bank transfer from ${d.iban('compact')} on ${d.date()} but the order is still pending.`,
  (d) =>
    `Our accountant ${d.full()} needs the receipts for ${d.invoice()} and ${d.invoice()}, please send them to ${d.email()}.`,
  // Chats.
  (d) => `hey ${d.first()} can u send me the wifi password again? is it still ${d.password()}`,
  (d) => `text me at ${d.phone()} when you're outside`,
  (d) =>
    `lol ${d.first()} just replied-all to the whole company with her phone number ${d.phone()}`,
  (d) => `ok ${d.first()}, sending it to ${d.email()} now`,
  (d) => `${d.first()} said the staging box is ${d.ipv4('private')}, try ssh there`,
  (d) => `can you ping ${d.full()}? she owns the billing service`,
  (d) => `thanks ${d.first()}! that fixed it`,
  (d) => `my new number is ${d.phone()}, the old one is dead`,
  (d) => `who is ${d.full()}? they keep emailing ${d.roleEmail()} about a refund`,
  (d) => `pls dont paste tokens like ${d.secret('slack-bot')} in here 🙏`,
  (d) => `I'll be in ${d.city()} next week, ${d.first()} will cover for me 😊`,
  (d) => `${d.first()} and ${d.first()} are both out today, ask ${d.first()} instead`,
  // Emails.
  (d) => {
    const name = d.firstName();
    return `Hi ${d.first(name)},\n\nThanks for your patience with case ${d.ticket()}. We have refunded ${d.amount()}.\n\nKind regards,\n${d.full()}\nCustomer Care, ${d.company()}`;
  },
  (d) =>
    `Dear ${d.full()},\nYour appointment is confirmed for ${d.date()} at ${d.time()}. If you need to reschedule, call ${d.phone()}.\nBest wishes,\nThe ${d.company()} team`,
  (d) =>
    `Hello ${d.first()},\nplease find the contract attached. Wire the deposit to ${d.iban()} and reference ${d.invoice()}.\nCheers,\n${d.first()}`,
  (d) =>
    `Good morning ${d.first()},\nI've forwarded your request to our security team (${d.roleEmail()}). They will reply within 48 hours.\nThanks,\n${d.first()}`,
  (d) =>
    `Hi all,\n\nReminder that the quarterly review is on ${d.date()}. Agenda is in Notion.\n\nThanks,\n${d.first()}`,
  (d) =>
    `Dear Sir or Madam,\nI am writing to dispute a charge of ${d.amount()} on my card ${d.card()}. I did not authorise it.\nSincerely,\n${d.full()}`,
  (d) =>
    `Hi ${d.first()},\nQuick one: could you confirm the SSN we have for the new hire is ${d.ssn()}? Payroll needs it by ${d.date()}.\nThanks, ${d.first()}`,
  (d) =>
    `From: ${d.full()} <${d.email()}>\nTo: ${d.roleEmail()}\nSubject: Refund for ${d.order()}\n\nPlease refund ${d.amount()}.`,
  (d) => `Thanks, ${d.first()}`,
  (d) => `Best regards,\n${d.full()}\nHead of Operations | ${d.company()} | ${d.phone()}`,
  (d) => `Sent from my ${d.product()}\n\n-- \n${d.full()}\n${d.phone()}`,
  // Logs and config.
  (d) =>
    `${d.timestamp()} INFO auth: login ok user=${d.email()} ip=${d.ipv4()} session=${d.uuid()}`,
  (d) =>
    `${d.timestamp()} WARN payments: card declined card=${d.card('')} amount=${d.amount()} order=${d.order()}`,
  (d) =>
    `curl -H "Authorization: Bearer ${d.secret(d.pick(['jwt', 'opaque']))}" https://api.${d.pick(d.pools.serviceDomains)}/v2/orders`,
  (d) => `export OPENAI_API_KEY=${d.secret(d.pick(['openai', 'openai-project']))}`,
  (d) => `DATABASE_URL=postgres://${d.userinfo()}@db-prod.internal:5432/orders`,
  (d) =>
    `AWS_ACCESS_KEY_ID=${d.secret('aws-key-id')}\nAWS_SECRET_ACCESS_KEY=${d.secret('aws-secret')}`,
  (d) =>
    `[${d.time()}] ERROR webhook delivery failed for ${d.ipv6()} (attempt ${d.between(2, 5)} of 5), request ${d.requestId()}`,
  (d) => `GET /reset-password?token=${d.secret('opaque')} HTTP/1.1" 200 512 "-" "Mozilla/5.0"`,
  (d) => `${d.ipv4('public')} - - [${d.date()}:${d.time()}] "POST /api/login HTTP/1.1" 401 87`,
  (d) =>
    `git remote set-url origin https://${d.userinfo()}@git.${d.pick(d.pools.serviceDomains)}/platform/api.git`,
  (d) => `config.yaml: slack_token: ${d.secret(d.pick(['slack-bot', 'slack-user']))}`,
  (d) =>
    `{"event":"signup","email":"${d.email()}","phone":"${d.phone()}","plan":"pro","ts":"${d.timestamp()}"}`,
  (d) =>
    `firewall: blocked ${d.ipv4('public')} -> ${d.ipv4('private')}:${d.port()} after ${d.between(5, 50)} failed attempts`,
  (d) => `stripe.api_key = "${d.secret('stripe')}"`,
  (d) =>
    `GITHUB_TOKEN=${d.secret(d.pick(['github', 'github-pat']))} ./scripts/release.sh ${d.version()}`,
  (d) => `Request from ${d.ipv6('compressed')} rejected: invalid JWT ${d.secret('jwt')}`,
  (d) => `mysql -h ${d.ipv4('private')} -u reporting --password=${d.password()} analytics`,
  (d) => `DEBUG sending receipt to ${d.email()} for ${d.invoice()} (${d.amount()})`,
  (d) =>
    `https://app.${d.pick(d.pools.serviceDomains)}/invite?email=${d.email()}&ref=${d.requestId()}`,
  (d) =>
    `callback url: https://hooks.${d.pick(d.pools.serviceDomains)}/notify?api_key=${d.secret('opaque')}&v=2`,
  (d) => `GOOGLE_MAPS_KEY=${d.secret('google')}`,
  (d) => `peer ${d.ipv6('full')} connected, latency ${d.between(3, 90)} ms`,
  // Notes, HR, CRM.
  (d) =>
    `Call note: spoke with ${d.full()} about the overdue balance of ${d.amount()}. Promised payment by ${d.date()}.`,
  (d) =>
    `Onboarding checklist for ${d.full()}: laptop (${d.product()}), badge, payroll (SSN ${d.ssn()}, IBAN ${d.iban()}).`,
  (d) =>
    `Escalated to ${d.pick(['Dr.', 'Mr.', 'Ms.'])} ${d.last()} in compliance; customer phone ${d.phone()}.`,
  (d) =>
    `Interview feedback for ${d.full()}: strong on system design, weaker on testing. Recommend hire.`,
  (d) =>
    `Per ${d.first()}'s note, the server at ${d.ipv4('private')} should be decommissioned on ${d.date()}.`,
  (d) =>
    `Verified identity of ${d.full()} with SSN ${d.ssn()} and date of birth; no further checks needed.`,
  (d) => `Reimburse ${d.full()} ${d.amount()} for travel to ${d.city()}, paid to ${d.iban()}.`,
  (d) =>
    `Customer reads her card number out as ${d.card('-')} over the phone; agent entered it manually.`,
  (d) => `Shift swap: ${d.first()} takes Friday, ${d.first()} takes Monday.`,
  (d) => `Meeting with ${d.full()} and ${d.full()} moved to ${d.time()}.`,
  (d) =>
    `Professor ${d.last()} approved the extension; contact the lab at ${d.phone()} with questions.`,
  (d) =>
    `Reported phishing: an email from ${d.email()} asked staff for their passwords and linked to ${d.ipv4('public')}.`,
  (d) => `New vendor bank details: ${d.company()}, IBAN ${d.iban('print')}, contact ${d.full()}`,
  (d) => `Door passcode: ${d.password()} (changes every month)`,
  (d) => `pwd=${d.password()} user=${d.firstName().toLowerCase()}`,
  (d) => `She wrote the SSN as ${d.ssn()} on the form, and her IBAN as ${d.iban('compact')}.`,
  (d) => `Leaked in the paste: ${d.apiKey()}, ${d.apiKey()}`,
  (d) => `Patient ${d.full()} (DOB ${d.date()}) called from ${d.phone()} to move her appointment.`,
  (d) => `@${d.firstName().toLowerCase()} can you review ${d.first()}'s PR before ${d.time()}?`,
  (d) =>
    `Please charge the remaining ${d.amount()} to my Visa ${d.card()} and close ${d.ticket()}.`,
  (d) => `Payment failed: card ${d.card()} was declined by the issuer (code 05).`,
  (d) =>
    `${d.timestamp()} DEBUG checkout payload card_number=${d.card('')} cvv=*** email=${d.email()}`,
  (d) =>
    `I'll read it out: ${d.card()}. Expiry ${String(d.between(1, 12)).padStart(2, '0')}/${d.between(26, 31)}.`,
  (d) => `Social Security Number: ${d.ssn()}`,
  (d) => `The export still contains ssn=${d.ssn()} for ${d.full()}, that must be masked.`,
  (d) => `Applicant ${d.full()}, SSN ${d.ssn()}, requested a credit limit of ${d.amount()}.`,
  (d) => `my social is ${d.ssn()} if you need it for the background check`,
  // Harder cases, added after the first tuning round (still the main set: tuning only).
  (d) =>
    `Order update for ${d.full()}: call ${d.phone()} ext. ${d.between(100, 999)} if anything is missing.`,
  (d) =>
    `ask ${tag('PERSON', d.firstName().toLowerCase())} if the invoice went out, i think ${d.invoice()} is still open`,
  (d) =>
    `ok so ${tag('PERSON', d.firstName().toLowerCase())} has the keys, ${tag('PERSON', d.firstName().toLowerCase())} has the car`,
  (d) => `Admin panel: http://${d.ipv4('private')}:${d.port()}/admin (VPN only)`,
  (d) => `curl -k https://[${d.ipv6('compressed')}]:8443/health`,
  (d) => `Reply-To: "${d.full()}" <${d.email()}>`,
  (d) => `(mobile: ${d.phone()}, evenings only)`,
  (d) =>
    `Authorization: Basic ${tag('SECRET', btoa(`${d.firstName().toLowerCase()}:${d.between(1000, 9999)}pass`))}`,
  (d) =>
    `deploy key:\n${tag('SECRET', `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${numeric(d.random, 6)}IBAAKCAQEA${numeric(d.random, 8)}Xk9\n-----END RSA PRIVATE KEY-----`)}`,
  (d) => `{"user":"${d.firstName().toLowerCase()}","password":"${d.password()}","remember":true}`,
  (d) =>
    `NPM_TOKEN=${tag('SECRET', `npm_${numeric(d.random, 6)}abcDEF${numeric(d.random, 6)}ghiJKL${numeric(d.random, 6)}mnopq${numeric(d.random, 3)}`)}`,
  (d) => `SSN ${d.ssn(' ')} (from the scanned form, spaces as written)`,
  (d) =>
    `Contact ${d.full(d.firstName(), d.pick(['de la Cruz', 'van der Berg', 'da Silva']))} about the lease, she's the new tenant.`,
  (d) => `${d.first()} will send the contract to ${d.first()} tomorrow.`,
  (d) => `Thanks to ${d.full()} and ${d.full()} for covering the weekend shift!`,
  (d) => `${d.first()}: the refund for ${d.order()} went through. ${d.first()}: great, thanks!`,
];

/** Lines with no personal data: many look like it (hard negatives). */
const withoutPii: Template[] = [
  (d) =>
    `Order ${d.order()} was shipped on ${d.date()} and should arrive within 3-5 business days.`,
  (d) => `Invoice ${d.invoice()} for ${d.amount()} is due on ${d.date()}.`,
  (d) => `Please upgrade to ${d.version()} to fix the crash on startup.`,
  (d) =>
    `Build ${d.commit()} deployed to staging at ${d.time()}; rollback target is ${d.commit()}.`,
  (d) => `The file ${d.path()} is missing after the update.`,
  (d) => `Unfortunately the ${d.product()} is out of stock until ${d.date()}.`,
  () => `Thanks for reaching out! We'll get back to you within 24 hours.`,
  (d) => `Your ticket ${d.ticket()} has been closed. Reply to reopen it.`,
  (d) => `Request ${d.uuid()} failed with status 503 after ${d.between(100, 3000)} ms.`,
  (d) => `SKU ${d.sku()} is back in stock at the ${d.city()} warehouse.`,
  (d) => `The number ${d.badCard()} on the gift card doesn't work at checkout.`,
  (d) =>
    `Running ${d.product()} ${d.version()} on Windows build 10.0.${d.between(19041, 22631)}.${d.between(1000, 4000)}`,
  (d) => `Total: ${d.amount()} (incl. VAT). Paid on ${d.date()}.`,
  (d) => `Hi team, the release notes for ${d.version()} are ready for review.`,
  (d) => `Dear customer, your subscription renews on ${d.date()} for ${d.amount()}.`,
  (d) => `Meeting moved to ${d.time()} on ${d.date()}, room ${d.between(100, 520)}.`,
  (d) =>
    `Error ${d.between(400, 599)} at ${d.timestamp()} in ${d.path()} line ${d.between(10, 900)}`,
  (d) => `Image digest ${d.hash()} pushed to the registry.`,
  () => `Please use the reset link we sent; passwords must be at least 12 characters.`,
  () => `I forgot my password and the reset email never arrived.`,
  () => `The password is incorrect, says the app, even after the reset.`,
  (d) =>
    `Tracking number 1Z${d.between(100, 999)}AA1${numeric(d.random, 8)} shows it stuck in ${d.city()}.`,
  (d) =>
    `Version ${d.between(1, 9)}.${d.between(0, 9)}.${d.between(0, 9)}.${d.between(0, 99)} of the firmware fixes the Bluetooth issue.`,
  (d) => `Our office in ${d.city()} is closed on ${d.date()} for the holiday.`,
  (d) => `${d.company()} acquired ${d.company()} for ${d.amount()} million.`,
  (d) =>
    `Check section ${d.between(1, 9)}.${d.between(1, 9)}.${d.between(1, 9)} of the manual for the reset procedure.`,
  (d) =>
    `Can you reproduce it on ${d.product()}? It happens in ${d.between(2, 9)} out of 10 tries.`,
  (d) => `The SLA is ${d.between(95, 99)}.${d.between(1, 9)}% uptime, measured monthly.`,
  (d) => `Commit ${d.commit()} reverts ${d.commit()}: see PR #${d.between(100, 9999)}.`,
  (d) => `IMEI ${imei(d.random)} is registered to this device.`,
  (d) =>
    `Reference number ${numeric(d.random, 4)} ${numeric(d.random, 4)} ${numeric(d.random, 4)} on the bank statement.`,
  (d) =>
    `Temperature dropped to ${d.between(-9, 9)}.${d.between(0, 9)} °C at ${d.time()}, sensor ${d.sku()}.`,
  (d) => `The SSN field rejects ${d.badSsn()}, which is expected: that number is never issued.`,
  (d) => `This IBAN ${d.badIban()} fails validation, please double-check it.`,
  (d) =>
    `Coordinates ${d.between(10, 60)}.${numeric(d.random, 4)}, ${d.between(1, 30)}.${numeric(d.random, 4)} are outside the delivery zone.`,
  (d) =>
    `Please retry with API version 2024-${String(d.between(1, 12)).padStart(2, '0')}-01 and a page size of ${d.pick([50, 100, 250])}.`,
  (d) =>
    `MAC address ${[0, 0, 0, 0, 0, 0].map(() => numeric(d.random, 2, '0123456789abcdef')).join(':')} is not on the allow list.`,
  (d) => `Order qty ${d.between(2, 40)} × ${d.sku()} at ${d.amount()} each.`,
  () => `Great, thanks! That solved it.`,
  () => `Apple and Google both reject the build; Microsoft approved it.`,
  () => `Monday works for me. Tuesday is fully booked.`,
  (d) => `Ship it to the ${d.city()} office, attention of the reception desk.`,
  (d) =>
    `ISBN 978-${d.between(0, 1)}-${numeric(d.random, 3)}-${numeric(d.random, 5)}-${d.between(0, 9)} is out of print.`,
  (d) => `Your one-time code expires in ${d.between(5, 15)} minutes.`,
  (d) =>
    `The ${d.product()} battery lasted ${d.between(3, 14)} hours at ${d.between(30, 90)} % brightness.`,
  (d) =>
    `Kubernetes pod api-${d.commit().slice(0, 9)}-${numeric(d.random, 5, 'abcdefghjk')} restarted ${d.between(2, 30)} times.`,
  (d) =>
    `Latency p95 ${d.between(80, 400)} ms, p99 ${d.between(400, 1200)} ms over ${d.between(1000, 99999)} requests.`,
  (d) => `Release ${d.version()} adds dark mode and fixes ${d.between(3, 40)} bugs.`,
  (d) => `Download the log from ${d.path()} and attach it to ${d.ticket()}.`,
  // Harder negatives, added after the first tuning round.
  (d) =>
    `Customer number 00${numeric(d.random, 2)} ${numeric(d.random, 4)} ${numeric(d.random, 2)} is on the old tariff.`,
  () => `Mark as read, then archive the thread.`,
  () => `Will you send the updated quote before Friday?`,
  () => `There is a grace period of 14 days before the account is locked.`,
  () => `Set api_key: <your-key-here> in config.yaml before the first run.`,
  () => `password: ******** (hidden in the export)`,
  () => `Ask Alexa to reorder the filters, it works with the Echo Dot.`,
  (d) => `Thanks,\n${d.company()} Support`,
  (d) =>
    `Flight BA ${d.between(100, 2999)} lands at ${d.time()}; gate ${d.pick(['A', 'B', 'C'])}${d.between(1, 40)}.`,
  (d) => `Room 101 is booked from ${d.time()} to ${d.time()}.`,
  (d) =>
    `Colour #${numeric(d.random, 6, '0123456789ABCDEF')} fails the contrast check; use ${d.between(4, 7)}.5:1 or more.`,
  (d) =>
    `Upload failed: data:image/png;base64,iVBORw0KGgo${numeric(d.random, 12)}AAAANSUhEUgAA is over ${d.between(2, 9)} MB.`,
  (d) =>
    `Batch ${d.date()} processed ${d.between(1000, 99999).toLocaleString('en-US')} rows in ${d.between(2, 90)} s.`,
  () => `The token must be regenerated every 90 days.`,
  (d) =>
    `Port ${d.port()} is open on the load balancer, ${d.between(2, 8)} of 10 workers are healthy.`,
];

/** A 15-digit device id (IMEI): Luhn-valid, but not a payment card. */
function imei(random: Random): string {
  const payload = `35${numeric(random, 12, '0123456789')}`;
  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${payload}${(10 - (sum % 10)) % 10}`;
}

/** The main set's templates: those with PII, then those without. */
export const mainTemplates: { withPii: readonly Template[]; withoutPii: readonly Template[] } = {
  withPii,
  withoutPii,
};

/** Draws from the main pools; exported for the writer. */
export type { Draw };
