import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ModelFile, getModelManifest } from '@ondevice/core';
import { build, createServer, preview, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ondevice } from './index.js';
import { findTransformers, onnxRuntimeFiles } from './onnxruntime-assets.js';

const manifest = getModelManifest('use-lite');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The onnxruntime-web files as the Transformers.js that core uses resolves them. */
const transformersEntry = findTransformers(process.cwd()) as string;
const ortFile = (name: string) =>
  readFile(createRequire(transformersEntry).resolve(`onnxruntime-web/${name}`));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ondevice-vite-'));
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><script type="module" src="/main.js"></script>',
  );
  await writeFile(path.join(root, 'main.js'), 'document.body.textContent = "hello";');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ondevice() in the dev server', () => {
  let server: ViteDevServer;
  let origin: string;
  beforeAll(async () => {
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1' },
      plugins: [ondevice()],
    });
    await server.listen();
    const address = server.httpServer?.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves every model file as static bytes matching its manifest (extensionless shards included)', async () => {
    for (const file of manifest.files) {
      const response = await fetch(`${origin}/ondevice/${file.path}`);
      expect(response.status, file.path).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.byteLength, file.path).toBe(file.bytes);
      expect(sha256(bytes), file.path).toBe(file.sha256);
    }
  });

  it('serves the tfjs wasm binaries with the wasm content type', async () => {
    const response = await fetch(`${origin}/ondevice/wasm/tfjs-backend-wasm-simd.wasm`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 97, 115, 109]); // "\0asm"
  });

  it('serves the onnxruntime-web factory and binary raw at /ondevice/ort/, with the right content types', async () => {
    const expected = {
      'ort-wasm-simd-threaded.mjs': 'text/javascript',
      'ort-wasm-simd-threaded.wasm': 'application/wasm',
      'ort-wasm-simd-threaded.asyncify.mjs': 'text/javascript',
      'ort-wasm-simd-threaded.asyncify.wasm': 'application/wasm',
    };
    expect(Object.keys(expected)).toEqual([...onnxRuntimeFiles]);
    for (const [name, contentType] of Object.entries(expected)) {
      // `?import` is what Vite would add to a module request: the factory still comes back
      // untransformed (byte for byte), not through the module graph.
      for (const query of ['', '?import']) {
        const response = await fetch(`${origin}/ondevice/ort/${name}${query}`);
        expect(response.status, name).toBe(200);
        expect(response.headers.get('content-type'), name).toBe(contentType);
        expect(response.headers.get('cross-origin-resource-policy'), name).toBe('same-origin');
        expect(response.headers.get('cross-origin-embedder-policy'), name).toBe('require-corp');
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(sha256(bytes), name).toBe(sha256(await ortFile(name)));
      }
    }
  });

  it('sets COOP/COEP on pages and assets so the page is cross-origin isolated', async () => {
    for (const url of ['/', '/ondevice/models/use-lite/model.json']) {
      const response = await fetch(`${origin}${url}`);
      expect(response.headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy'), url).toBe('require-corp');
    }
  });

  it('answers 404 with a message for a path under the base that is not an asset', async () => {
    const response = await fetch(`${origin}/ondevice/models/use-lite/nope.bin`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('no asset');
  });
});

describe('ondevice() in build and preview', () => {
  const outDir = () => path.join(root, 'dist');
  beforeAll(async () => {
    await build({ root, configFile: false, logLevel: 'silent', plugins: [ondevice()] });
  });

  it('emits model files and wasm binaries into the output', async () => {
    for (const file of manifest.files) {
      const bytes = await readFile(path.join(outDir(), 'ondevice', file.path));
      expect(sha256(bytes), file.path).toBe(file.sha256);
    }
    const wasm = await readFile(path.join(outDir(), 'ondevice/wasm/tfjs-backend-wasm.wasm'));
    expect(wasm.byteLength).toBeGreaterThan(100_000);
  });

  it('emits the onnxruntime-web factory and binary under ondevice/ort/, byte for byte', async () => {
    for (const name of onnxRuntimeFiles) {
      const bytes = await readFile(path.join(outDir(), 'ondevice/ort', name));
      expect(sha256(bytes), name).toBe(sha256(await ortFile(name)));
    }
  });

  it('serves the build with COOP/COEP in preview, gzipped when the client accepts it', async () => {
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      preview: { port: 0, host: '127.0.0.1' },
      plugins: [ondevice()],
    });
    try {
      const address = server.httpServer.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const shard = manifest.files.at(-1) as ModelFile;
      const url = `http://127.0.0.1:${port}/ondevice/${shard.path}`;
      // fetch asks for gzip and decodes it; the body is the file, byte for byte.
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(shard.sha256);
      // A client that accepts no encoding gets the plain bytes.
      const plain = await new Promise<{ encoding: string | undefined; length: number }>(
        (resolve, reject) => {
          get(url, (answer) => {
            let length = 0;
            answer.on('data', (chunk: Buffer) => (length += chunk.byteLength));
            answer.on('end', () =>
              resolve({ encoding: answer.headers['content-encoding'], length }),
            );
          }).on('error', reject);
        },
      );
      expect(plain).toEqual({ encoding: undefined, length: shard.bytes });
    } finally {
      await server.close();
    }
  });
});

describe('the onnxruntime-web files Transformers.js requests', () => {
  it('are the ones the installed onnxruntime-web build that Transformers.js imports loads', async () => {
    // Transformers.js imports `onnxruntime-web/webgpu` for every browser device (wasm and webgpu);
    // core hands it `onnxruntime-web/wasm` instead when WebGPU cannot be used. With a string
    // `wasmPaths` each build imports `<wasmPaths><factory>.mjs`, which fetches the `.wasm` of the
    // same name. An upgrade that changes any of this fails here, not in a browser.
    const web = await readFile(path.join(path.dirname(transformersEntry), 'transformers.web.js'));
    const imports = new Set(web.toString().match(/from\s*["']onnxruntime-web[^"']*["']/g));
    expect([...imports]).toEqual(['from "onnxruntime-web/webgpu"']);
    const dist = path.dirname(createRequire(transformersEntry).resolve('onnxruntime-web/webgpu'));
    const named = async (bundle: string) =>
      (await readFile(path.join(dist, bundle))).toString().match(/ort-wasm-simd-threaded[\w.]*/g) ??
      [];
    const files = new Set([
      ...(await named('ort.webgpu.bundle.min.mjs')),
      ...(await named('ort.wasm.bundle.min.mjs')),
    ]);
    expect([...files].sort()).toEqual([...onnxRuntimeFiles].sort());
    // Core's onnxruntime-web is the version Transformers.js depends on (one install, one copy).
    const packageOf = async (file: string) =>
      JSON.parse(await readFile(file, 'utf8')) as { dependencies: Record<string, string> };
    const core = await packageOf(
      fileURLToPath(new URL('../../core/package.json', import.meta.url)),
    );
    const transformers = await packageOf(
      path.join(path.dirname(transformersEntry), '..', 'package.json'),
    );
    expect(core.dependencies['onnxruntime-web']).toBe(transformers.dependencies['onnxruntime-web']);
  });

  it('are not served when transformers is false', async () => {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1' },
      plugins: [ondevice({ transformers: false, models: ['use-lite'] })],
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const name = onnxRuntimeFiles[0];
      const response = await fetch(`http://127.0.0.1:${port}/ondevice/ort/${name}`);
      expect(response.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('pre-bundled dependencies', () => {
  it("pre-bundles core's registry dependencies, never a package linked from the workspace", async () => {
    // In this repository @ondevice/errors is a workspace link: pre-bundled, edits to it would not
    // reach the dev server until its cache was cleared.
    const server = await createServer({
      root: path.resolve(import.meta.dirname, '../../..'),
      configFile: false,
      logLevel: 'silent',
      server: { middlewareMode: true },
      plugins: [ondevice()],
    });
    try {
      const include = server.config.optimizeDeps.include ?? [];
      expect(include).toContain('@ondevice/core > @tensorflow/tfjs-core');
      expect(include).toContain('@ondevice/core > @huggingface/transformers');
      expect(include.some((name) => name.includes('@ondevice/errors'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});
