import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps array order and drops undefined properties', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [true, null, { z: 1, y: 2 }], c: 'x' }, e: undefined }),
    ).toBe('{"a":{"c":"x","d":[true,null,{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal text for equal values whatever the key order', () => {
    expect(canonicalJson({ PERSON: 2, EMAIL: 1, '10': 1, '2': 1 })).toBe(
      canonicalJson({ '2': 1, EMAIL: 1, '10': 1, PERSON: 2 }),
    );
    expect(canonicalJson({ '10': 1, '2': 1 })).toBe('{"10":1,"2":1}');
  });

  it('writes strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson(['é "quoted"\n', 0.1, 1e21, -0])).toBe(
      '["é \\"quoted\\"\\n",0.1,1e+21,0]',
    );
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});
