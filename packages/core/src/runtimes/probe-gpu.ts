/** What a GPU probe found. */
export interface GpuProbe {
  available: boolean;
  /** Renderer or adapter description, when one was found. */
  device?: string;
  /** A CPU rasteriser posing as a GPU (SwiftShader, llvmpipe, lavapipe, WARP). */
  software: boolean;
  /** Why it is unavailable, when it is. */
  reason?: string;
}

const softwarePattern = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|warp/i;

/** Looks for a WebGL2 context and names its renderer, without importing any runtime. */
export function probeWebGl(): GpuProbe {
  const scope = globalThis as {
    OffscreenCanvas?: new (
      width: number,
      height: number,
    ) => {
      getContext(kind: 'webgl2'): WebGL2RenderingContext | null;
    };
  };
  if (typeof scope.OffscreenCanvas !== 'function') {
    return { available: false, software: false, reason: 'no OffscreenCanvas in this context' };
  }
  let gl: WebGL2RenderingContext | null;
  try {
    gl = new scope.OffscreenCanvas(1, 1).getContext('webgl2');
  } catch (error) {
    return { available: false, software: false, reason: `WebGL2 context failed: ${String(error)}` };
  }
  if (!gl) return { available: false, software: false, reason: 'no WebGL2 context' };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const device = String(
    info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, device, software: softwarePattern.test(device) };
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** Asks for a WebGPU adapter and describes it. */
export async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } })
    .navigator?.gpu;
  if (!gpu) return { available: false, software: false, reason: 'no navigator.gpu' };
  let adapter: { info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null;
  try {
    adapter = (await gpu.requestAdapter()) as typeof adapter;
  } catch (error) {
    return { available: false, software: false, reason: `requestAdapter failed: ${String(error)}` };
  }
  if (!adapter) return { available: false, software: false, reason: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const device = [info.vendor, info.architecture, info.device, info.description]
    .filter(Boolean)
    .join(' ');
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return {
    available: true,
    device: device || 'unknown adapter',
    software: fallback || softwarePattern.test(device),
  };
}
