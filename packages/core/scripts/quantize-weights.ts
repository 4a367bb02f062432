/** One entry of a TensorFlow.js weights manifest. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: QuantizedDtype; min: number; scale: number; original_dtype?: string };
}

/** The integer types TensorFlow.js dequantises on load. */
export type QuantizedDtype = 'uint8' | 'uint16';

const bytesPerElement: Record<string, number> = { float32: 4, int32: 4 };

/**
 * Affine quantisation of one float32 tensor to 8 or 16 bits, as the tfjs converter does it: the
 * range is the tensor's own [min, max], nudged so that 0 is exactly representable when the range
 * spans it (zeros stay zeros); values map to `round((x − min) / scale)` in 0…255 (or 0…65535).
 *
 * @example
 * const { codes, min, scale } = quantizeTensor(new Float32Array([-1, 0, 2]))
 */
export function quantizeTensor(
  values: Float32Array,
  dtype: QuantizedDtype = 'uint8',
): { codes: Uint8Array | Uint16Array; min: number; scale: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError('Cannot quantise a non-finite weight.');
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const levels = dtype === 'uint8' ? 255 : 65535;
  const codes = dtype === 'uint8' ? new Uint8Array(values.length) : new Uint16Array(values.length);
  if (values.length === 0) return { codes, min: 0, scale: 1 };
  let scale = (high - low) / levels;
  let min = low;
  if (scale === 0) {
    scale = 1;
  } else if (low < 0 && high > 0) {
    min = -Math.round(-low / scale) * scale;
  }
  // Stored as float32 values, exactly as the manifest's JSON numbers will be read back.
  scale = Math.fround(scale);
  min = Math.fround(min);
  for (let index = 0; index < values.length; index += 1) {
    const code = Math.round(((values[index] as number) - min) / scale);
    codes[index] = code < 0 ? 0 : code > levels ? levels : code;
  }
  return { codes, min, scale };
}

/**
 * Rewrites a weights buffer with the chosen float32 tensors quantised to uint8 or uint16 and the rest
 * copied as they are, and returns the matching weight specs.
 *
 * @throws {TypeError} for a dtype whose size is not fixed (strings) or a buffer too short.
 * @example
 * const { specs, data } = quantizeWeights(group.weights, weightData, { quantizeAs: () => 'uint8' })
 */
export function quantizeWeights(
  specs: readonly WeightSpec[],
  data: Uint8Array,
  /** The type a tensor is stored as; `false` keeps it as it is. */
  options: { quantizeAs(spec: WeightSpec, elements: number): QuantizedDtype | false },
): { specs: WeightSpec[]; data: Uint8Array } {
  const parts: Uint8Array[] = [];
  const written: WeightSpec[] = [];
  let offset = 0;
  for (const spec of specs) {
    if (spec.quantization) throw new TypeError(`${spec.name} is already quantised.`);
    const size = bytesPerElement[spec.dtype];
    if (size === undefined)
      throw new TypeError(`${spec.name}: dtype ${spec.dtype} is not handled.`);
    const elements = spec.shape.reduce((product, dimension) => product * dimension, 1);
    const bytes = elements * size;
    if (offset + bytes > data.byteLength) {
      throw new TypeError(`The weights buffer ends inside ${spec.name}.`);
    }
    const slice = new Uint8Array(data.subarray(offset, offset + bytes)); // a copy, aligned
    offset += bytes;
    const dtype = spec.dtype === 'float32' ? options.quantizeAs(spec, elements) : false;
    if (dtype) {
      const { codes, min, scale } = quantizeTensor(new Float32Array(slice.buffer), dtype);
      parts.push(new Uint8Array(codes.buffer));
      written.push({ ...spec, quantization: { dtype, min, scale, original_dtype: 'float32' } });
    } else {
      parts.push(slice);
      written.push({ ...spec });
    }
  }
  if (offset !== data.byteLength) {
    throw new TypeError(
      `The weights buffer has ${data.byteLength - offset} bytes past its last tensor.`,
    );
  }
  return { specs: written, data: new Uint8Array(Buffer.concat(parts)) };
}
