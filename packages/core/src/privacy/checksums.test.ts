import { describe, expect, it } from 'vitest';
import { ibanLengths, isIssuableSsn, passesIbanChecksum, passesLuhn } from './checksums.js';

describe('passesLuhn', () => {
  it.each([
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
    '3530111333300000',
    '4222222222222',
    '79927398713',
  ])('accepts %s', (digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it.each(['4111111111111112', '5555555555554445', '378282246310006', '79927398710', '12a4', ''])(
    'rejects %j',
    (digits) => {
      expect(passesLuhn(digits)).toBe(false);
    },
  );
});

describe('passesIbanChecksum', () => {
  it.each([
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'CH9300762011623852957',
    'NO9386011117947',
    'BE68539007547034',
  ])('accepts %s', (iban) => {
    expect(passesIbanChecksum(iban)).toBe(true);
  });

  it('rejects a changed digit, a swapped pair, the wrong length, an unknown country', () => {
    expect(passesIbanChecksum('GB82WEST12345698765431')).toBe(false);
    expect(passesIbanChecksum('GB82WEST12345698765423')).toBe(false);
    expect(passesIbanChecksum('GB82WEST1234569876543')).toBe(false);
    expect(passesIbanChecksum('ZZ82WEST12345698765432')).toBe(false);
    expect(passesIbanChecksum('gb82west12345698765432')).toBe(false);
  });

  it('knows the registered lengths', () => {
    expect(ibanLengths).toMatchObject({ DE: 22, GB: 22, FR: 27, NL: 18, NO: 15, MT: 31 });
  });
});

describe('isIssuableSsn', () => {
  it('accepts numbers that could be issued and rejects areas, groups and serials never issued', () => {
    expect(isIssuableSsn('123', '45', '6789')).toBe(true);
    expect(isIssuableSsn('899', '99', '9999')).toBe(true);
    expect(isIssuableSsn('000', '45', '6789')).toBe(false);
    expect(isIssuableSsn('666', '45', '6789')).toBe(false);
    expect(isIssuableSsn('900', '45', '6789')).toBe(false);
    expect(isIssuableSsn('987', '65', '4321')).toBe(false);
    expect(isIssuableSsn('123', '00', '6789')).toBe(false);
    expect(isIssuableSsn('123', '45', '0000')).toBe(false);
  });
});
