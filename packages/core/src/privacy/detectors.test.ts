import { describe, expect, it } from 'vitest';
import { detectCreditCards } from './detect-credit-card.js';
import { detectEmails } from './detect-email.js';
import { detectIbans } from './detect-iban.js';
import { detectIpAddresses } from './detect-ip-address.js';
import { detectPersonsInContext } from './detect-person-in-context.js';
import { detectPhones } from './detect-phone.js';
import { detectSecrets } from './detect-secret.js';
import { detectUsSsns } from './detect-us-ssn.js';
import type { PiiSpan } from './pii-span.js';

type Detector = (text: string) => PiiSpan[];
const values = (detect: Detector, text: string) =>
  detect(text).map((span) => text.slice(span.start, span.end));

describe('detectEmails', () => {
  it.each([
    ['write to jane.doe@example.com.', 'jane.doe@example.com'],
    ['<maria_lopez+billing@mail.acme-corp.co.uk>', 'maria_lopez+billing@mail.acme-corp.co.uk'],
    ['mailto:SUPPORT@Example.ORG?subject=x', 'SUPPORT@Example.ORG'],
    ['/invite?email=ana@web.de&ref=1', 'ana@web.de'],
  ])('finds the address in %j', (text, address) => {
    expect(values(detectEmails, text)).toEqual([address]);
  });

  it.each([
    'ping @maria in the channel',
    'user@localhost has no domain',
    'git clone git@github.com:acme/api.git',
    'https://admin:s3cret@db.internal/orders',
    'a@b',
  ])('finds none in %j', (text) => {
    expect(values(detectEmails, text)).toEqual([]);
  });
});

describe('detectPhones', () => {
  it.each([
    '+44 20 7946 0958',
    '+1 (415) 555-0132',
    '(415) 555-0132',
    '415-555-0132',
    '415.555.0132',
    '1-800-555-0199',
    '020 7946 0958',
    '07700 900123',
    '06 12 34 56 78',
    '+33 6 12 34 56 78',
    '030 1234567',
    '+49 (0)89 1234567',
    '+81 3-1234-5678',
    '0044 20 7946 0321',
  ])('finds %s', (phone) => {
    expect(values(detectPhones, `call me on ${phone}, thanks`)).toEqual([phone]);
  });

  it('finds a number without separators only after a word like mobile or call', () => {
    expect(values(detectPhones, 'mobile: 07700900123')).toEqual(['07700900123']);
    expect(values(detectPhones, 'reference 07700900123')).toEqual([]);
  });

  it.each([
    'Order ORD-99812 and invoice INV-2024-00123, ticket #48213',
    'Paid $1,234.56 on 2024-03-15 at 14:32:05 (15/03/2024, 05.03.2024)',
    'server 192.168.10.24 and version 10.0.19045.3803',
    'card 4111 1111 1111 1111 and reference 1234 5678 9012',
    'SSN-shaped 018-00-6286 and 123-45-6789',
    'Customer number 0012 3456 78 is on the old tariff',
    'ISBN 978-3-16-148410-0, 1 234 567 units',
  ])('finds none in %j', (text) => {
    expect(values(detectPhones, text)).toEqual([]);
  });
});

describe('detectCreditCards', () => {
  it.each([
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5555555555554444',
    '3782 822463 10005',
    '6011 1111 1111 1117',
    '4222222222222',
    '6221 2600 0000 0000 001',
  ])('finds %s', (card) => {
    expect(values(detectCreditCards, `card ${card}.`)).toEqual([card]);
  });

  it.each([
    'card 4111 1111 1111 1112 fails Luhn',
    'IMEI 356938035643809',
    'USPS 9400 1000 0000 0000 0000 00',
    'IBAN FI72 4132 1861 9060 23',
    'timestamp 1700000000000 ms',
    'mixed 4111 1111-1111 1111',
    'order 1234567890123',
  ])('finds none in %j', (text) => {
    expect(values(detectCreditCards, text)).toEqual([]);
  });
});

describe('detectIbans', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    'DE89 3704 0044 0532 0130 00',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91ABNA0417164300',
  ])('finds %s, stopping at its length', (iban) => {
    expect(values(detectIbans, `IBAN: ${iban} EUR`)).toEqual([iban]);
  });

  it.each([
    'GB82 WEST 1234 5698 7654 31',
    'XX82WEST12345698765432',
    'DE89 3704 0044 0532 0130 0',
    'DE89370400440532013000123',
    'gb82west12345698765432',
  ])('finds none in %j', (text) => {
    expect(values(detectIbans, text)).toEqual([]);
  });
});

describe('detectUsSsns', () => {
  it('finds dashed numbers anywhere, others only after SSN', () => {
    expect(values(detectUsSsns, 'it is 123-45-6789.')).toEqual(['123-45-6789']);
    expect(values(detectUsSsns, 'SSN 123 45 6789')).toEqual(['123 45 6789']);
    expect(values(detectUsSsns, 'social security number: 123456789')).toEqual(['123456789']);
    expect(values(detectUsSsns, 'order 123456789')).toEqual([]);
  });

  it.each([
    '000-12-3456',
    '666-12-3456',
    '923-12-3456',
    '123-00-4567',
    '123-45-0000',
    '1123-45-6789',
  ])('finds none in %s', (text) => {
    expect(values(detectUsSsns, `SSN ${text}`)).toEqual([]);
  });
});

describe('detectIpAddresses', () => {
  it.each([
    ['from 203.0.113.7:8080', '203.0.113.7'],
    ['net 10.0.0.0/24', '10.0.0.0'],
    ['host 2001:db8:85a3::8a2e:370:7334 up', '2001:db8:85a3::8a2e:370:7334'],
    ['full 2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
    ['link fe80::1ff:fe23:4567:890a', 'fe80::1ff:fe23:4567:890a'],
    ['loopback ::1', '::1'],
    ['[2001:db8::1]:8443', '2001:db8::1'],
    ['server 1.2.3.4 is down', '1.2.3.4'],
  ])('finds the address in %j', (text, address) => {
    expect(values(detectIpAddresses, text)).toEqual([address]);
  });

  it('finds an IPv4-mapped IPv6 address whole (its IPv4 tail too, merged when redacting)', () => {
    expect(values(detectIpAddresses, 'mapped ::ffff:192.0.2.1')).toContain('::ffff:192.0.2.1');
  });

  it.each([
    'version 1.2.3.4 of the app',
    'upgrade to v1.2.3.4',
    'firmware 2.0.1.7',
    'OID 1.3.6.1.4.1',
    'v2.14.3 and 3.11.4',
    'build 10.0.19045.3803',
    'MAC 00:1a:2b:3c:4d:5e',
    'at 12:30:45',
    'std::vector and Foo::Bar',
    '999.1.1.1 and 01.02.2024',
  ])('finds none in %j', (text) => {
    expect(values(detectIpAddresses, text)).toEqual([]);
  });
});

describe('detectSecrets', () => {
  it.each([
    ['key sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'sk-proj-abcdefghijklmnopqrstuvwxyz012345'],
    [
      'key sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
      'sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
    ],
    ['stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    [
      'github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW',
      'github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW',
    ],
    ['id AKIAIOSFODNN7EXAMPLE,', 'AKIAIOSFODNN7EXAMPLE'],
    ['slack xoxb-1234567890-abcdefghijkl', 'xoxb-1234567890-abcdefghijkl'],
    ['AIzaSyA1234567890abcdefghijklmnopqrstuv', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    [
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['Authorization: Bearer abcDEF123456ghiJKL789', 'abcDEF123456ghiJKL789'],
    ['password: hunter2!', 'hunter2!'],
    ['login pwd=s3cr3t&x', 's3cr3t&x'],
    ['the door passcode 4471', '4471'],
    ['db postgres://app:N0tS3cret@db.internal:5432/orders', 'app:N0tS3cret'],
    ['reset https://x.io/reset?token=abc123def456&lang=en', 'abc123def456'],
    ['hook ?api_key=zzz999yyy888', 'zzz999yyy888'],
    ['cb#access_token=ya29.a0AfH6SMB', 'ya29.a0AfH6SMB'],
    [
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['{"client_secret": "9f8e7d6c5b4a3210"}', '9f8e7d6c5b4a3210'],
    ['my password is Tulip#2291x.', 'Tulip#2291x'],
    ['--password=KXdqPqkAWb', 'KXdqPqkAWb'],
  ])('finds the secret in %j', (text, secret) => {
    expect(values(detectSecrets, text)).toContain(secret);
  });

  it.each([
    'Reset your password from the settings page.',
    'The password is incorrect, says the app.',
    'password: ******** (hidden)',
    'Set api_key: <your-key-here> before the first run.',
    'token: ${API_TOKEN}',
    'The token must be regenerated every 90 days.',
    'Token Authentication is off',
    'sk-short and ghp_short',
    'commit da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'uuid 123e4567-e89b-12d3-a456-426614174000',
  ])('finds none in %j', (text) => {
    expect(values(detectSecrets, text)).toEqual([]);
  });
});

describe('detectPersonsInContext', () => {
  it.each([
    ['Hi Maria, the order shipped.', ['Maria']],
    ['Dear Mr. Okafor,', ['Okafor']],
    ['Dear Daniel Tanaka,\nyour appointment…', ['Daniel Tanaka']],
    ['Thanks,\nPriya', ['Priya']],
    ['Kind regards,\nAmara Costa\nCustomer Care', ['Amara Costa']],
    ["Hello, my name is Ana Pereira and I'd like a refund.", ['Ana Pereira']],
    ['Please ask Dr Chen about it.', ['Chen']],
    ['Customer Siobhan O’Brien called.', ['Siobhan O’Brien']],
    ['From: Lars van der Berg <lars@example.com>', ['Lars van der Berg']],
    ['cc Anne-Marie Dubois for review', ['Anne-Marie Dubois']],
    ['Sofia: the refund went through.', ['Sofia']],
    ['It works. Yuki said so.', ['Yuki']],
  ])('finds the names in %j', (text, names) => {
    expect([...new Set(values(detectPersonsInContext, text))]).toEqual(names);
  });

  it.each([
    'Hi team, the release is out.',
    'Dear Customer, your plan renews soon.',
    'Dear Sir or Madam,',
    'Thanks,\nAcme Support',
    'Best wishes,\nThe Globex team',
    'Hey there!',
    'Unfortunately the Pixel 8 is out of stock.',
    'Note: the server restarts at noon.',
    'Ask Alexa to reorder the filters.',
  ])('finds none in %j', (text) => {
    expect(values(detectPersonsInContext, text)).toEqual([]);
  });
});
