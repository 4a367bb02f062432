// The byte layouts of ONNX initializers, and the int8 codes of quantised weights.

/** Largest int8 magnitude used: symmetric quantisation keeps 0 exact and the zero point 0. */
const int8Limit = 127;

/**
 * float32 values as ONNX `raw_data`: little-endian whatever the host's byte order.
 *
 * @example
 * littleEndianFloats(new Float32Array([1])) // Uint8Array [0, 0, 128, 63]
 */
export function littleEndianFloats(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

/**
 * Integers as int64 ONNX `raw_data`, little-endian.
 *
 * @example
 * littleEndianInt64s([1]) // Uint8Array [1, 0, 0, 0, 0, 0, 0, 0]
 */
export function littleEndianInt64s(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setBigInt64(index * 8, BigInt(value), true));
  return bytes;
}

/**
 * Symmetric per-tensor int8 quantisation: `q = round(w / scale)`, `scale = max|w| / 127`.
 *
 * @example
 * quantizeInt8(new Float32Array([-2, 0, 1])) // { codes: Int8Array [-127, 0, 64], scale: 0.01574… }
 */
export function quantizeInt8(values: Float32Array): { codes: Int8Array; scale: number } {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  const scale = Math.fround(largest === 0 ? 1 : largest / int8Limit);
  const codes = new Int8Array(values.length);
  values.forEach((value, index) => {
    codes[index] = Math.max(-int8Limit, Math.min(int8Limit, Math.round(value / scale)));
  });
  return { codes, scale };
}
