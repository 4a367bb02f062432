import onnxProto, { type onnx } from 'onnx-proto';
import { littleEndianFloats, littleEndianInt64s, quantizeInt8 } from './tensor-bytes.js';

// onnx-proto is CommonJS (`module.exports = { onnx }`): Node's ESM loader offers only its default.
const { ModelProto } = onnxProto.onnx;

/**
 * ONNX `TensorProto.DataType` codes used by the fixtures.
 *
 * @example
 * graph.input('input_ids', DataType.int64, ['batch_size', 'sequence_length'])
 */
export const DataType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7 } as const;

/**
 * How weight matrices are stored: `fp32` as plain MatMul, or `q8` as the graph
 * `onnxruntime.quantization.quantize_dynamic` writes (int8 weights, activations quantised at run
 * time by DynamicQuantizeLinear, MatMulInteger, then rescaled), which is what Transformers.js
 * loads as `onnx/model_quantized.onnx` (dtype `q8`, the default on the wasm device).
 *
 * @example
 * const quantized = new GraphBuilder('q8')
 */
export type Precision = 'fp32' | 'q8';

/**
 * One ONNX node attribute; build them with {@link attribute}.
 *
 * @example
 * const axis: Attribute = attribute.int('axis', -1)
 */
export type Attribute = onnx.IAttributeProto;

/**
 * Typed attribute constructors: ONNX tells an INT from a FLOAT by its declared type, which a JS
 * number cannot carry.
 *
 * @example
 * graph.op('LayerNormalization', [x, scale, bias], [attribute.int('axis', -1), attribute.float('epsilon', 1e-12)])
 */
export const attribute = {
  int: (name: string, value: number): Attribute => ({ name, type: 2, i: value }),
  ints: (name: string, values: number[]): Attribute => ({ name, type: 7, ints: values }),
  float: (name: string, value: number): Attribute => ({ name, type: 1, f: value }),
};

/**
 * Builds one ONNX graph node by node. Weight matrices and lookup tables go through
 * {@link GraphBuilder.linear} and {@link GraphBuilder.table}, which emit float32 or int8 forms
 * according to the precision, so one model description yields both `model.onnx` and
 * `model_quantized.onnx`.
 *
 * @example
 * const graph = new GraphBuilder('fp32')
 * const ids = graph.input('input_ids', DataType.int64, ['batch_size', 'sequence_length'])
 * const bytes = graph.encode('tiny')
 */
export class GraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly constants = new Map<string, string>();
  private nodeCount = 0;

  constructor(readonly precision: Precision) {}

  /** Declares a graph input; dimension names (strings) are dynamic axes. */
  input(name: string, elementType: number, dims: (string | number)[]): string {
    this.inputs.push(valueInfo(name, elementType, dims));
    return name;
  }

  /** Declares a graph output produced under `name` by an earlier node. */
  output(name: string, elementType: number, dims: (string | number)[]): string {
    this.outputs.push(valueInfo(name, elementType, dims));
    return name;
  }

  /** A float32 initializer (always float32: biases and LayerNorm parameters stay exact). */
  float(name: string, dims: number[], values: Float32Array): string {
    this.initializers.push({
      name,
      dims,
      dataType: DataType.float,
      rawData: littleEndianFloats(values),
    });
    return name;
  }

  /** An int64 initializer, for shapes, axes and indices. */
  int64(name: string, dims: number[], values: number[]): string {
    this.initializers.push({
      name,
      dims,
      dataType: DataType.int64,
      rawData: littleEndianInt64s(values),
    });
    return name;
  }

  /** A shared float32 scalar constant. */
  scalar(value: number): string {
    return this.constant(`float:${value}`, (name) =>
      this.float(name, [], new Float32Array([value])),
    );
  }

  /** A shared int64 constant (a scalar when `dims` is empty). */
  ints(values: number[], dims: number[] = [values.length]): string {
    const key = `int64:${dims.join('x')}:${values.join(',')}`;
    return this.constant(key, (name) => this.int64(name, dims, values));
  }

  /**
   * Appends a node; returns its output names (`outputs` names them, or a count gives fresh names).
   */
  node(
    opType: string,
    inputs: string[],
    attributes: Attribute[] = [],
    outputs: string[] | number = 1,
  ): string[] {
    const index = this.nodeCount++;
    const names =
      typeof outputs === 'number'
        ? Array.from({ length: outputs }, (_, output) => `${opType}_${index}_output_${output}`)
        : outputs;
    this.nodes.push({
      name: `${opType}_${index}`,
      opType,
      input: inputs,
      output: names,
      attribute: attributes,
    });
    return names;
  }

  /** Appends a node with one output and returns that output's name. */
  op(opType: string, inputs: string[], attributes: Attribute[] = [], output?: string): string {
    const [name] = this.node(opType, inputs, attributes, output === undefined ? 1 : [output]);
    return name as string;
  }

  /**
   * A lookup table (embedding) as a float tensor: an initializer at fp32, or int8 codes
   * dequantised in the graph at q8 (as quantize_dynamic does for Gather weights).
   */
  table(name: string, dims: number[], values: Float32Array): string {
    if (this.precision === 'fp32') return this.float(name, dims, values);
    const { codes, scale } = quantizeInt8(values);
    const quantized = this.int8(`${name}_quantized`, dims, codes);
    return this.op('DequantizeLinear', [quantized, this.scalar(scale), this.int8ZeroPoint()]);
  }

  /**
   * `input · weights (+ bias)` for `weights` of shape [inFeatures, outFeatures] (row-major); at q8
   * the quantize_dynamic pattern: DynamicQuantizeLinear → MatMulInteger → Cast → Mul by scales.
   */
  linear(
    input: string,
    name: string,
    dims: [number, number],
    weights: Float32Array,
    bias?: Float32Array,
  ): string {
    let product: string;
    if (this.precision === 'fp32') {
      product = this.op('MatMul', [input, this.float(`${name}.weight`, dims, weights)]);
    } else {
      const { codes, scale } = quantizeInt8(weights);
      const quantizedWeights = this.int8(`${name}.weight_quantized`, dims, codes);
      const [activations, activationScale, activationZeroPoint] = this.node(
        'DynamicQuantizeLinear',
        [input],
        [],
        3,
      );
      const accumulated = this.op('MatMulInteger', [
        activations as string,
        quantizedWeights,
        activationZeroPoint as string,
        this.int8ZeroPoint(),
      ]);
      const asFloat = this.op('Cast', [accumulated], [attribute.int('to', DataType.float)]);
      const combinedScale = this.op('Mul', [activationScale as string, this.scalar(scale)]);
      product = this.op('Mul', [asFloat, combinedScale]);
    }
    if (!bias) return product;
    return this.op('Add', [product, this.float(`${name}.bias`, [dims[1]], bias)]);
  }

  /** The serialised `ModelProto` (IR 8, opset 17: the first with LayerNormalization). */
  encode(graphName: string): Uint8Array {
    return ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      producerName: 'ondevice make-fixture-models',
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    }).finish();
  }

  private int8(name: string, dims: number[], codes: Int8Array): string {
    const rawData = new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength);
    this.initializers.push({ name, dims, dataType: DataType.int8, rawData });
    return name;
  }

  private int8ZeroPoint(): string {
    return this.constant('int8:0', (name) => this.int8(name, [], new Int8Array([0])));
  }

  private constant(key: string, create: (name: string) => string): string {
    const existing = this.constants.get(key);
    if (existing !== undefined) return existing;
    const name = create(`constant_${this.constants.size}`);
    this.constants.set(key, name);
    return name;
  }
}

function valueInfo(
  name: string,
  elementType: number,
  dims: (string | number)[],
): onnx.IValueInfoProto {
  const dim = dims.map((value) =>
    typeof value === 'string' ? { dimParam: value } : { dimValue: value },
  );
  return { name, type: { tensorType: { elemType: elementType, shape: { dim } } } };
}
