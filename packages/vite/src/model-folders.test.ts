import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '@ondevice/core';
import { build, createServer, preview, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ondevice, type OnDevicePluginOptions } from './index.js';
import { listFolderFiles } from './model-folder-files.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
/** The shared test model, present beside the repository in CI workspaces only. */
const sharedModel = path.resolve(repositoryRoot, '../shared/models/converted/llama2.c-stories260K');
const hasSharedModel = existsSync(sharedModel);
const sharedName = 'converted/llama2.c-stories260K';
const withShared = hasSharedModel ? '' : ' (skipped: ../shared/models is absent)';

interface Manifest {
  files: { path: string; bytes: number; sha256: string }[];
}

let root: string;
let tiny: string;
let ownManifest: string;
/** The bytes of each file of `tiny` (dotfiles excluded), by relative path. */
const tinyFiles: Record<string, Buffer> = {
  'config.json': Buffer.from('{"model_type":"llama"}\n'),
  'onnx/model.onnx': randomBytes(70_000),
  weights: randomBytes(1_000),
};
const ownManifestText = '{"files":[],"note":"written by hand"}\n';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ondevice-vite-folders-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><p>app</p>');
  tiny = path.join(root, 'models/tiny');
  for (const [name, bytes] of Object.entries(tinyFiles)) {
    await mkdir(path.dirname(path.join(tiny, name)), { recursive: true });
    await writeFile(path.join(tiny, name), bytes);
  }
  // Dotfiles and dot-folders are neither listed, served nor emitted.
  await writeFile(path.join(tiny, '.env'), 'SECRET=1');
  await mkdir(path.join(tiny, '.git'));
  await writeFile(path.join(tiny, '.git/HEAD'), 'ref: main');
  ownManifest = path.join(root, 'elsewhere/own-manifest');
  await mkdir(ownManifest, { recursive: true });
  await writeFile(path.join(ownManifest, 'ondevice-files.json'), ownManifestText);
  await writeFile(path.join(ownManifest, 'model.bin'), randomBytes(100));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = (): OnDevicePluginOptions => ({
  models: ['use-lite'],
  transformers: false,
  modelFolders: {
    tiny: 'models/tiny', // relative to the Vite root
    'local/own-manifest': ownManifest,
    ...(hasSharedModel ? { [sharedName]: sharedModel } : {}),
  },
});

/** Expected `ondevice-files.json` of a folder, computed here independently of the plugin. */
async function expectedManifest(directory: string, paths: readonly string[]): Promise<Manifest> {
  const files = await Promise.all(
    [...paths].sort().map(async (file) => {
      const bytes = await readFile(path.join(directory, file));
      return { path: file, bytes: bytes.byteLength, sha256: sha256(bytes) };
    }),
  );
  return { files };
}

/**
 * A GET with the path sent as written: fetch, and http.get given a URL, resolve `..` and `%2e%2e`
 * before sending, so they would never test the server.
 */
function rawStatus(origin: string, pathname: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: pathname }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode ?? 0));
    }).on('error', reject);
  });
}

const originOf = (address: ReturnType<NonNullable<ViteDevServer['httpServer']>['address']>) =>
  `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

describe('modelFolders in the dev server', () => {
  let server: ViteDevServer;
  let origin: string;
  beforeAll(async () => {
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1' },
      plugins: [ondevice(options())],
    });
    await server.listen();
    origin = originOf(server.httpServer?.address() ?? null);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves every file of a folder byte for byte, with COOP/COEP-compatible headers', async () => {
    for (const [name, bytes] of Object.entries(tinyFiles)) {
      const response = await fetch(`${origin}/ondevice/models/tiny/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('cross-origin-resource-policy'), name).toBe('same-origin');
      expect(sha256(new Uint8Array(await response.arrayBuffer())), name).toBe(sha256(bytes));
    }
    const config = await fetch(`${origin}/ondevice/models/tiny/config.json`);
    expect(config.headers.get('content-type')).toBe('application/json');
  });

  it('generates ondevice-files.json: every file but dotfiles, sorted, with bytes and sha256', async () => {
    const response = await fetch(`${origin}/ondevice/models/tiny/ondevice-files.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(await expectedManifest(tiny, Object.keys(tinyFiles)));
  });

  it("serves a folder's own ondevice-files.json as it is", async () => {
    const response = await fetch(
      `${origin}/ondevice/models/local/own-manifest/ondevice-files.json`,
    );
    expect(await response.text()).toBe(ownManifestText);
  });

  it('answers 404 for unknown files, dotfiles, unknown folders and paths out of the folder', async () => {
    for (const pathname of [
      '/ondevice/models/tiny/nope.bin',
      '/ondevice/models/tiny/onnx',
      '/ondevice/models/tiny/.env',
      '/ondevice/models/tiny/.git/HEAD',
      '/ondevice/models/tiny/onnx/%2E%2E/%2E%2E/%2E%2E/elsewhere/own-manifest/model.bin',
      '/ondevice/models/tiny/..%2F..%2Findex.html',
      '/ondevice/models/tiny/../../../elsewhere/own-manifest/model.bin',
      '/ondevice/models/other/config.json',
      '/ondevice/models/tiny/',
    ]) {
      expect(await rawStatus(origin, pathname), pathname).toBe(404);
    }
  });

  it('serves and lists a file added while the server runs', async () => {
    await writeFile(path.join(tiny, 'added.txt'), 'late');
    try {
      const response = await fetch(`${origin}/ondevice/models/tiny/added.txt`);
      expect(await response.text()).toBe('late');
      const listed = (await (
        await fetch(`${origin}/ondevice/models/tiny/ondevice-files.json`)
      ).json()) as Manifest;
      expect(listed.files.map((file) => file.path)).toContain('added.txt');
    } finally {
      await rm(path.join(tiny, 'added.txt'));
    }
  });

  it.skipIf(!hasSharedModel)(
    `serves the shared ${sharedName} folder and lists it correctly${withShared}`,
    async () => {
      const files = await listFolderFiles(sharedModel);
      expect(files).toContain('onnx/model.onnx');
      for (const file of files) {
        const response = await fetch(`${origin}/ondevice/models/${sharedName}/${file}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(sha256(bytes), file).toBe(sha256(await readFile(path.join(sharedModel, file))));
      }
      const listed = await fetch(`${origin}/ondevice/models/${sharedName}/ondevice-files.json`);
      expect(await listed.json()).toEqual(await expectedManifest(sharedModel, files));
    },
  );
});

describe('modelFolders in build and preview', () => {
  const outDir = () => path.join(root, 'dist');
  beforeAll(async () => {
    await build({ root, configFile: false, logLevel: 'silent', plugins: [ondevice(options())] });
  });

  it('emits every file and the generated ondevice-files.json, and no dotfile', async () => {
    const emitted = path.join(outDir(), 'ondevice/models/tiny');
    for (const [name, bytes] of Object.entries(tinyFiles)) {
      expect(sha256(await readFile(path.join(emitted, name))), name).toBe(sha256(bytes));
    }
    const generated = JSON.parse(await readFile(path.join(emitted, 'ondevice-files.json'), 'utf8'));
    expect(generated).toEqual(await expectedManifest(tiny, Object.keys(tinyFiles)));
    expect(existsSync(path.join(emitted, '.env'))).toBe(false);
    expect(existsSync(path.join(emitted, '.git'))).toBe(false);
    const own = path.join(outDir(), 'ondevice/models/local/own-manifest/ondevice-files.json');
    expect(await readFile(own, 'utf8')).toBe(ownManifestText);
  });

  it.skipIf(!hasSharedModel)(`emits the shared ${sharedName} folder${withShared}`, async () => {
    const emitted = path.join(outDir(), 'ondevice/models', sharedName);
    const files = await listFolderFiles(sharedModel);
    for (const file of files) {
      const bytes = await readFile(path.join(emitted, file));
      expect(sha256(bytes), file).toBe(sha256(await readFile(path.join(sharedModel, file))));
    }
    const generated = JSON.parse(await readFile(path.join(emitted, 'ondevice-files.json'), 'utf8'));
    expect(generated).toEqual(await expectedManifest(sharedModel, files));
  });

  it('serves the folders in preview, and 404 for unknown paths', async () => {
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      preview: { port: 0, host: '127.0.0.1' },
      plugins: [ondevice(options())],
    });
    try {
      const origin = originOf(server.httpServer.address());
      const response = await fetch(`${origin}/ondevice/models/tiny/onnx/model.onnx`);
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(sha256(bytes)).toBe(sha256(tinyFiles['onnx/model.onnx'] as Buffer));
      const listed = await fetch(`${origin}/ondevice/models/tiny/ondevice-files.json`);
      expect(await listed.json()).toEqual(await expectedManifest(tiny, Object.keys(tinyFiles)));
      expect(await rawStatus(origin, '/ondevice/models/tiny/nope.bin')).toBe(404);
      expect(await rawStatus(origin, '/ondevice/models/tiny/.env')).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('modelFolders option errors', () => {
  /** The error ondevice() throws, or undefined. */
  const thrownBy = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each([
    [''],
    ['..'],
    ['a/..'],
    ['/absolute'],
    ['trailing/'],
    ['one/two/three'],
    ['with space'],
    ['ünïcode'],
    ['use-lite'], // a built-in model's folder
    ['use-lite/extra'],
  ])('rejects the name %j when the plugin is created, naming the entry', (name) => {
    const error = thrownBy(() => ondevice({ modelFolders: { [name]: root } }));
    expect(InvalidInputError.isInstance(error)).toBe(true);
    const { parameter, message } = error as InvalidInputError;
    expect(parameter).toBe(`modelFolders[${JSON.stringify(name)}]`);
    expect(message).toContain(`modelFolders[${JSON.stringify(name)}]`);
  });

  it('says what a valid name is', () => {
    const error = thrownBy(() => ondevice({ modelFolders: { '../up': root } })) as Error;
    expect(error.message).toContain('"my-model" or "converted/llama2.c-stories260K"');
  });

  it('rejects a name that contains another one, and values that are not paths', () => {
    const nested = thrownBy(() => ondevice({ modelFolders: { a: root, 'a/b': root } }));
    expect((nested as InvalidInputError).message).toContain('overlaps');
    const notPath = thrownBy(() => ondevice({ modelFolders: { a: 42 as never } }));
    expect((notPath as InvalidInputError).parameter).toBe('modelFolders["a"]');
    const notObject = thrownBy(() => ondevice({ modelFolders: ['a'] as never }));
    expect((notObject as InvalidInputError).parameter).toBe('modelFolders');
    const notBoolean = thrownBy(() => ondevice({ transformers: 'yes' as never }));
    expect((notBoolean as InvalidInputError).parameter).toBe('transformers');
  });

  const configError = async (plugin: Plugin) => {
    try {
      const server = await createServer({
        root,
        configFile: false,
        logLevel: 'silent',
        server: { middlewareMode: true },
        plugins: [plugin],
      });
      await server.close();
    } catch (error) {
      return error as InvalidInputError;
    }
    return undefined;
  };

  it('rejects a missing folder when Vite resolves its config, with the resolved path', async () => {
    const error = await configError(ondevice({ modelFolders: { gone: 'models/gone' } }));
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error?.parameter).toBe('modelFolders["gone"]');
    expect(error?.message).toContain(`${path.join(root, 'models/gone')} does not exist`);
  });

  it('rejects a path that is not a folder', async () => {
    const error = await configError(ondevice({ modelFolders: { file: 'index.html' } }));
    expect(error?.parameter).toBe('modelFolders["file"]');
    expect(error?.message).toContain('is not a folder');
  });
});
