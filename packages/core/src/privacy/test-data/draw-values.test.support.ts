// What a template of a labelled PII set draws from: each method returns a value for the text,
// marked up as an entity (`⟦TYPE|value⟧`) when it is personal data, plain when it is a hard
// negative (order numbers, versions, hashes…). A set passes its own pools, so the main set and
// the held-out set share no name, domain or value.
import { tag } from './labelled-markup.test.support.js';
import {
  type Random,
  alphanumeric,
  between,
  cardNumber,
  hex,
  iban,
  ipv4,
  ipv6,
  numeric,
  password,
  pick,
  secretToken,
  ssn,
  uuid,
} from './pii-values.test.support.js';

/** The pools one set draws its values from. */
export interface SetPools {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Domains of people's addresses (work and personal). */
  emailDomains: readonly string[];
  /** Domains of services (URLs, role addresses). */
  serviceDomains: readonly string[];
  companies: readonly string[];
  products: readonly string[];
  cities: readonly string[];
  ibanCountries: readonly string[];
  /** Phone number makers. */
  phones: readonly ((random: Random) => string)[];
}

/** A template: what one line of a set says, with values drawn from `d`. */
export type Template = (d: Draw) => string;

/** The values of one line: each call draws a new one. */
export class Draw {
  constructor(
    readonly random: Random,
    readonly pools: SetPools,
  ) {}

  pick<T>(items: readonly T[]): T {
    return pick(this.random, items);
  }

  between(low: number, high: number): number {
    return between(this.random, low, high);
  }

  /** A first name, plain (for building other values). */
  firstName(): string {
    return this.pick(this.pools.firstNames);
  }

  lastName(): string {
    return this.pick(this.pools.lastNames);
  }

  /** A first name, labelled. */
  first(name = this.firstName()): string {
    return tag('PERSON', name);
  }

  /** A surname, labelled. */
  last(name = this.lastName()): string {
    return tag('PERSON', name);
  }

  /** A full name, labelled as one entity. */
  full(first = this.firstName(), last = this.lastName()): string {
    return tag('PERSON', `${first} ${last}`);
  }

  /** An email address, plain; of the named person when given. */
  emailAddress(first = this.firstName(), last = this.lastName()): string {
    const f = ascii(first).toLowerCase();
    const l = ascii(last)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const local = this.pick([
      `${f}.${l}`,
      `${f}.${l}`,
      `${f[0]}${l}`,
      `${f}_${l}`,
      `${f}${this.between(1, 99)}`,
      `${f}.${l}+${this.pick(['billing', 'shop', 'news', 'work'])}`,
      `${l}.${f}`,
    ]);
    return `${local}@${this.pick(this.pools.emailDomains)}`;
  }

  email(first?: string, last?: string): string {
    return tag('EMAIL', this.emailAddress(first, last));
  }

  /** A role address of a service (`support@…`), labelled: it is still an email address. */
  roleEmail(): string {
    return tag(
      'EMAIL',
      `${this.pick(['support', 'billing', 'noreply', 'help', 'security', 'privacy', 'sales'])}@${this.pick(this.pools.serviceDomains)}`,
    );
  }

  phone(): string {
    return tag('PHONE', this.pick(this.pools.phones)(this.random));
  }

  card(separator?: string): string {
    return tag(
      'CREDIT_CARD',
      cardNumber(this.random, separator === undefined ? {} : { separator }),
    );
  }

  iban(format?: 'print' | 'compact'): string {
    return tag(
      'IBAN',
      iban(
        this.random,
        this.pick(this.pools.ibanCountries),
        format ?? this.pick(['print', 'print', 'compact']),
      ),
    );
  }

  ssn(separator = '-'): string {
    return tag('US_SSN', ssn(this.random, true, separator));
  }

  ipv4(kind: 'public' | 'private' = this.pick(['public', 'public', 'private'])): string {
    return tag('IP_ADDRESS', ipv4(this.random, kind));
  }

  ipv6(form?: 'full' | 'compressed' | 'link-local' | 'mapped'): string {
    return tag(
      'IP_ADDRESS',
      ipv6(
        this.random,
        form ?? this.pick(['full', 'compressed', 'compressed', 'link-local', 'mapped']),
      ),
    );
  }

  ip(): string {
    return this.random() < 0.7 ? this.ipv4() : this.ipv6();
  }

  secret(kind: Parameters<typeof secretToken>[1]): string {
    return tag('SECRET', secretToken(this.random, kind));
  }

  /** Any API key or token (not a password). */
  apiKey(): string {
    return this.secret(
      this.pick([
        'openai',
        'openai-project',
        'github',
        'github-pat',
        'aws-key-id',
        'jwt',
        'slack-bot',
        'stripe',
        'google',
      ]),
    );
  }

  password(): string {
    return tag('SECRET', password(this.random));
  }

  /** `user:password` of a URL, labelled as one secret. */
  userinfo(): string {
    return tag(
      'SECRET',
      `${this.pick(['admin', 'deploy', 'svc_backup', 'app', 'root', 'ci-bot', 'reporting'])}:${password(this.random).replace(/[@/:#?]/g, 'x')}`,
    );
  }

  // Hard negatives: never labelled.

  invoice(): string {
    return this.pick([
      `INV-${this.between(2019, 2025)}-${numeric(this.random, 5, '0')}`,
      `INV${numeric(this.random, 7)}`,
      `invoice #${numeric(this.random, 6)}`,
    ]);
  }

  order(): string {
    return this.pick([
      `ORD-${numeric(this.random, 5)}`,
      `#${numeric(this.random, 5)}`,
      `${this.pick(['A', 'B', 'W'])}${numeric(this.random, 8)}`,
      `PO-${this.between(2020, 2025)}-${numeric(this.random, 4)}`,
    ]);
  }

  ticket(): string {
    return this.pick([
      `#${numeric(this.random, 5)}`,
      `TCK-${numeric(this.random, 5)}`,
      `CS-${numeric(this.random, 6)}`,
      `JIRA ${this.pick(['OPS', 'WEB', 'PAY', 'CORE'])}-${this.between(100, 9999)}`,
    ]);
  }

  version(): string {
    return this.pick([
      `v${this.between(1, 9)}.${this.between(0, 30)}.${this.between(0, 20)}`,
      `${this.between(1, 9)}.${this.between(0, 30)}.${this.between(0, 20)}`,
      `v${this.between(1, 5)}.${this.between(0, 9)}.${this.between(0, 9)}-beta.${this.between(1, 5)}`,
      `version ${this.between(1, 12)}.${this.between(0, 9)}.${this.between(0, 9)}.${this.between(0, 99)}`,
    ]);
  }

  date(): string {
    const year = this.between(2021, 2025);
    const month = this.between(1, 12);
    const day = this.between(1, 28);
    const two = (value: number) => String(value).padStart(2, '0');
    const names = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    return this.pick([
      `${year}-${two(month)}-${two(day)}`,
      `${two(day)}/${two(month)}/${year}`,
      `${month}/${day}/${year}`,
      `${names[month - 1]} ${day}, ${year}`,
      `${day} ${names[month - 1]} ${year}`,
      `${two(day)}.${two(month)}.${year}`,
    ]);
  }

  time(): string {
    return this.pick([
      `${String(this.between(0, 23)).padStart(2, '0')}:${String(this.between(0, 59)).padStart(2, '0')}`,
      `${this.between(1, 12)}:${String(this.between(0, 59)).padStart(2, '0')} ${this.pick(['am', 'pm', 'AM', 'PM'])}`,
      `${String(this.between(0, 23)).padStart(2, '0')}:${String(this.between(0, 59)).padStart(2, '0')}:${String(this.between(0, 59)).padStart(2, '0')}`,
    ]);
  }

  timestamp(): string {
    const two = (value: number) => String(value).padStart(2, '0');
    return `${this.between(2023, 2025)}-${two(this.between(1, 12))}-${two(this.between(1, 28))}T${two(this.between(0, 23))}:${two(this.between(0, 59))}:${two(this.between(0, 59))}.${String(this.between(0, 999)).padStart(3, '0')}Z`;
  }

  amount(): string {
    const whole = this.between(1, 4999);
    const cents = String(this.between(0, 99)).padStart(2, '0');
    const grouped = whole.toLocaleString('en-US');
    return this.pick([
      `$${grouped}.${cents}`,
      `€ ${whole}`,
      `€${whole},${cents}`,
      `£${grouped}.${cents}`,
      `${whole}.${cents} USD`,
      `${grouped} EUR`,
      `$${this.between(1, 99)}`,
    ]);
  }

  sku(): string {
    return this.pick([
      `SKU-${numeric(this.random, 4)}-${this.pick(['BLK', 'WHT', 'RED', 'XL', 'M'])}`,
      `${alphanumeric(this.random, 2, 'upper').replace(/\d/g, 'K')}-${numeric(this.random, 4)}${this.pick(['', 'XM5', 'B', '-2'])}`,
      `item ${numeric(this.random, 6)}`,
    ]);
  }

  uuid(): string {
    return uuid(this.random);
  }

  commit(): string {
    return hex(this.random, this.pick([7, 7, 8, 12, 40]));
  }

  path(): string {
    return this.pick([
      '/var/log/nginx/access.log',
      '/etc/ssl/certs/ca-bundle.crt',
      `src/components/${this.pick(['Button', 'Checkout', 'InvoiceTable', 'Header'])}.tsx`,
      `C:\\Program Files\\${this.pick(this.pools.products).replace(/\s+/g, '')}\\config.ini`,
      `~/Downloads/statement-${this.between(2021, 2025)}-${String(this.between(1, 12)).padStart(2, '0')}.pdf`,
      `/home/app/releases/${this.between(100, 999)}/app.jar`,
      './scripts/deploy.sh',
    ]);
  }

  /** A 16-digit number that fails the Luhn check. */
  badCard(): string {
    return cardNumber(this.random, {
      valid: false,
      shape: 0,
      separator: this.pick([' ', '', '-']),
    });
  }

  /** An IBAN-shaped string whose check digits fail. */
  badIban(): string {
    return iban(this.random, this.pick(this.pools.ibanCountries), 'print', false);
  }

  /** An SSN-shaped number of an area, group or serial never issued. */
  badSsn(): string {
    return ssn(this.random, false);
  }

  hash(): string {
    return `sha256:${hex(this.random, 64)}`;
  }

  product(): string {
    return this.pick(this.pools.products);
  }

  company(): string {
    return this.pick(this.pools.companies);
  }

  city(): string {
    return this.pick(this.pools.cities);
  }

  requestId(): string {
    return this.pick([
      `req_${alphanumeric(this.random, 12, 'lower')}`,
      `${alphanumeric(this.random, 8, 'lower')}-${alphanumeric(this.random, 4, 'lower')}`,
      uuid(this.random),
    ]);
  }

  port(): number {
    return this.pick([443, 8080, 5432, 6379, 3000, 8443, 9200]);
  }
}

/** Letters without their accents, for email addresses. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/'/g, '');
}
