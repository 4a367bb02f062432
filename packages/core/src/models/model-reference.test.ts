import { describe, expect, it } from 'vitest';
import { InvalidInputError, UnknownModelError } from '@ondevice/errors';
import { createModelCatalog } from './model-catalog.js';
import { manifestOfReference, transformersModel } from './model-reference.js';
import { sentimentOfLabels } from '../tasks/sentiment/classifier-sentiment.js';

describe('model references', () => {
  it('reads hub ids and folders as Transformers.js models; anything else is unknown', () => {
    expect(manifestOfReference('Xenova/all-MiniLM-L6-v2', 'https://mirror.example/')).toMatchObject(
      {
        runtime: 'transformers',
        location: {
          kind: 'hub',
          host: 'https://mirror.example/',
          repository: 'Xenova/all-MiniLM-L6-v2',
          revision: 'main',
        },
      },
    );
    expect(manifestOfReference('/ondevice/models/x', 'https://huggingface.co/')?.location).toEqual({
      kind: 'folder',
      url: '/ondevice/models/x/',
    });
    expect(manifestOfReference('use-lite-2', 'https://huggingface.co/')).toBeUndefined();
    const catalog = createModelCatalog([], undefined, 'https://mirror.example/');
    expect(catalog.get('a/b').origin).toContain('https://mirror.example/a/b');
    expect(() => catalog.get('nope')).toThrow(UnknownModelError);
  });

  it('gives registered hub models without a host the client’s model host', () => {
    const catalog = createModelCatalog(
      [transformersModel({ id: 'ner', repository: 'Xenova/bert-base-NER', dtype: 'q8' })],
      undefined,
      'http://127.0.0.1:9/',
    );
    expect(catalog.get('ner').location).toMatchObject({ host: 'http://127.0.0.1:9/' });
  });

  it('checks options and registered manifests with typed errors naming the field', () => {
    expect(() => transformersModel({})).toThrow(InvalidInputError);
    expect(() => transformersModel({ repository: 'no-slash' })).toThrow(/repository/);
    expect(() => transformersModel({ folder: '/x', task: 'dance' as never })).toThrow(/task/);
    expect(() =>
      createModelCatalog([{ ...transformersModel({ folder: '/x' }), files: [{}] }]),
    ).toThrow(/models\[0\]\.files/);
    expect(() =>
      createModelCatalog([{ ...transformersModel({ folder: '/x' }), location: {} }]),
    ).toThrow(/models\[0\]\.location/);
  });
});

describe('sentiment labels of text classifiers', () => {
  it('maps names, star ratings and generic two-label models; refuses others', () => {
    expect(sentimentOfLabels(['NEGATIVE', 'POSITIVE'], 'm')).toEqual(['negative', 'positive']);
    expect(sentimentOfLabels(['1 star', '2 stars', '3 stars', '4 stars', '5 stars'], 'm')).toEqual([
      'negative',
      'negative',
      'neutral',
      'positive',
      'positive',
    ]);
    expect(sentimentOfLabels(['LABEL_0', 'LABEL_1'], 'm')).toEqual(['negative', 'positive']);
    expect(() => sentimentOfLabels(['sports', 'politics'], 'topics')).toThrow(
      /not a sentiment model/,
    );
  });
});
