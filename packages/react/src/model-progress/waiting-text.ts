import type { ModelStatus } from '@ondevice/core';
import { formatPercent } from '../format/format-percent.js';

/**
 * What a widget says while it waits for a result: the model's download progress or
 * initialisation when that is what it waits for, else `activity`.
 *
 * @example
 * waitingText({ status: 'downloading', loaded: 5e6, total: 20e6 }, 'Suggesting tags…')
 * // 'Loading the model, 25 %…'
 */
export function waitingText(progress: ModelStatus | undefined, activity: string): string {
  if (progress?.status === 'downloading') {
    const fraction = progress.total > 0 ? progress.loaded / progress.total : 0;
    return `Loading the model, ${formatPercent(fraction)}…`;
  }
  if (progress?.status === 'initializing') return 'Preparing the model…';
  return activity;
}
