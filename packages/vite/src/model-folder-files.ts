import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelFolder } from './model-folders.js';
import { contentTypeOf, type ServedAsset } from './serve-asset.js';

/** The file list the client reads first; generated unless the folder brings its own. */
export const folderManifestName = 'ondevice-files.json';

/**
 * One entry of a folder's `ondevice-files.json`.
 *
 * @example
 * const entry: FolderFile = { path: 'onnx/model.onnx', bytes: 1232162, sha256: 'ab…' }
 */
export interface FolderFile {
  /** Posix path relative to the folder. */
  path: string;
  bytes: number;
  /** Lowercase hex. */
  sha256: string;
}

/**
 * Every file of the folder, recursively, as sorted posix paths relative to it. Dotfiles and
 * dot-folders (`.git`, `.DS_Store`) are skipped; symbolic links are followed, as in a Hugging Face
 * cache snapshot, where every file is a link to a blob.
 *
 * @example
 * await listFolderFiles('/models/llama') // ['config.json', 'onnx/model.onnx', …]
 */
export async function listFolderFiles(directory: string): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = async (folder: string, prefix: string) => {
    // A link back up the tree would otherwise walk forever.
    const real = await realpath(folder);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
      if (kind?.isDirectory()) await walk(full, `${prefix}${entry.name}/`);
      else if (kind?.isFile()) files.push(`${prefix}${entry.name}`);
    }
  };
  await walk(directory, '');
  return files.sort();
}

/** sha256 by file, size and modification time, so a dev server hashes each file once. */
const hashes = new Map<string, Promise<string>>();

async function hashFile(filePath: string, size: number, mtimeMs: number): Promise<string> {
  const key = `${filePath}\u0000${size}\u0000${mtimeMs}`;
  let hash = hashes.get(key);
  if (!hash) {
    hash = new Promise<string>((resolve, reject) => {
      const digest = createHash('sha256');
      createReadStream(filePath)
        .on('data', (chunk) => digest.update(chunk))
        .on('error', reject)
        .on('end', () => resolve(digest.digest('hex')));
    });
    hashes.set(key, hash);
    hash.catch(() => hashes.delete(key));
  }
  return hash;
}

/**
 * The `ondevice-files.json` the plugin generates for a folder: every file with its size and sha256.
 *
 * @example
 * const { files } = await folderManifest('/models/llama')
 */
export async function folderManifest(directory: string): Promise<{ files: FolderFile[] }> {
  const paths = await listFolderFiles(directory);
  const files = await Promise.all(
    paths.map(async (relative) => {
      const filePath = path.join(directory, ...relative.split('/'));
      const info = await stat(filePath);
      const sha256 = await hashFile(filePath, info.size, info.mtimeMs);
      return { path: relative, bytes: info.size, sha256 };
    }),
  );
  return { files };
}

/**
 * The bytes of a generated `ondevice-files.json`.
 *
 * @example
 * this.emitFile({ type: 'asset', fileName, source: await folderManifestBytes(directory) })
 */
export async function folderManifestBytes(directory: string): Promise<Buffer> {
  return Buffer.from(`${JSON.stringify(await folderManifest(directory), null, 2)}\n`);
}

/**
 * What to serve for `<base>models/<name>/<relativePath>`, looked up on each request so files
 * added while the dev server runs are served too; `undefined` (a 404) for a path outside the
 * folder, a dotfile, or a file that is not there.
 *
 * @example
 * const asset = await findFolderAsset(folder, 'onnx/model.onnx')
 */
export async function findFolderAsset(
  folder: ModelFolder,
  relativePath: string,
): Promise<ServedAsset | undefined> {
  const parts = relativePath.split('/');
  // Leading dots cover `..` (no escape from the folder) and the dotfiles listFolderFiles skips.
  if (parts.some((part) => part === '' || part.startsWith('.') || /[\\\0]/.test(part))) {
    return undefined;
  }
  const filePath = path.join(folder.directory, ...parts);
  const info = await stat(filePath).catch(() => undefined);
  if (info?.isFile()) return { filePath, contentType: contentTypeOf(filePath) };
  if (relativePath === folderManifestName) {
    return {
      bytes: await folderManifestBytes(folder.directory),
      contentType: 'application/json',
    };
  }
  return undefined;
}
