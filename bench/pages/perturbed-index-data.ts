import type { SearchIndexExport } from '@ondevice/core';
import type { SearchBenchDocument } from '../workload/search-workload.js';
import { seededRandom } from '../workload/seeded-random.js';
import type { ExactVectorScan } from './exact-vector-scan.js';

/**
 * Fills rows `from`…`rows − 1` of `scan` with perturbed copies of its first `from` rows (real
 * embeddings): row `r` is row `r mod from` plus Gaussian noise of standard deviation `noise` in
 * every dimension, scaled back to unit length. Seeded, so every run builds the same vectors.
 *
 * @example
 * perturbRows(scan, 3000, 0.01, 5) // rows 3000… are noisy copies of rows 0…2999
 */
export function perturbRows(scan: ExactVectorScan, from: number, noise: number, seed: number) {
  const random = seededRandom(seed);
  // Box–Muller: two uniform draws give one standard normal draw.
  const gaussian = () =>
    Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const vector = new Float32Array(scan.dimensions);
  for (let row = from; row < scan.rows; row += 1) {
    const source = scan.row(row % from);
    for (let index = 0; index < vector.length; index += 1) {
      vector[index] = (source[index] as number) + noise * gaussian();
    }
    scan.set(row, vector);
  }
}

/**
 * Codes a unit vector as core's search index keeps it: 8-bit integers and one scale, the scale
 * mapping the largest magnitude to 127 (packages/core/src/search/quantized-vectors.ts).
 */
function quantise(vector: Float32Array, codes: Int8Array, offset: number): number {
  let largest = 0;
  for (const value of vector) largest = Math.max(largest, Math.abs(value));
  const scale = largest / 127;
  for (let index = 0; index < vector.length; index += 1) {
    codes[offset + index] = scale === 0 ? 0 : Math.round((vector[index] as number) / scale);
  }
  return scale;
}

/** Base64 of bytes, in pieces (one `String.fromCharCode` call per 32 kB). */
function base64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += 0x8000) {
    pieces.push(String.fromCharCode(...bytes.subarray(start, start + 0x8000)));
  }
  return btoa(pieces.join(''));
}

/**
 * The `export()` form of an index over `documents` (one passage each, its whole `text` field)
 * whose vectors are `scan`'s rows, coded to 8 bits: what `import()` reads, with nothing to embed.
 *
 * @example
 * await index.import(indexExportData({ id: index.id, modelId: index.modelId, documents, scan }))
 */
export function indexExportData(options: {
  id: string;
  modelId: string;
  documents: readonly SearchBenchDocument[];
  scan: ExactVectorScan;
}): SearchIndexExport {
  const { documents, scan } = options;
  const codes = new Int8Array(documents.length * scan.dimensions);
  const scales = documents.map((_, row) => quantise(scan.row(row), codes, row * scan.dimensions));
  return {
    format: 'ondevice.search-index',
    version: 1,
    id: options.id,
    modelId: options.modelId,
    dimensions: scan.dimensions,
    idField: 'id',
    fields: { text: 1 },
    facets: ['category'],
    exportedAt: new Date().toISOString(),
    documents: [...documents],
    passages: documents.map((document, row) => ({
      document: row,
      field: 'text',
      start: 0,
      end: document.text.length,
    })),
    vectors: { codes: base64(new Uint8Array(codes.buffer)), scales },
  };
}
