export { ondevice } from './ondevice-plugin.js';
export type { OnDevicePluginOptions } from './ondevice-plugin.js';
export { listOnDeviceAssets } from './ondevice-assets.js';
export type { OnDeviceAsset } from './ondevice-assets.js';
