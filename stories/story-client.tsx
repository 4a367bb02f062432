import { type ClientOptions, createClient } from '@ondevice/core';
import { OnDeviceProvider } from '@ondevice/react';
import type { Decorator } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';

/**
 * Asset base URL where nothing is served: for the error stories.
 *
 * @example
 * decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })]
 */
export const missingAssetBaseUrl = '/ondevice-missing/';

/**
 * An origin nothing listens on (port 9, "discard"; browsers refuse it outright): for the
 * offline stories, where every model request fails as a network error.
 *
 * @example
 * decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })]
 */
export const unreachableAssetBaseUrl = 'http://127.0.0.1:9/';

/**
 * A real ondevice client for one story (or one part of a story), created on mount and disposed
 * on unmount, so stories never share model state.
 *
 * @example
 * <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
 *   <ModelProgress loadOnMount />
 * </StoryClient>
 */
export function StoryClient({
  options,
  children,
}: {
  options?: ClientOptions;
  children: ReactNode;
}) {
  const [client] = useState(() => createClient(options));
  useEffect(() => () => client.dispose(), [client]);
  return <OnDeviceProvider client={client}>{children}</OnDeviceProvider>;
}

/**
 * Story decorator that wraps the story in a {@link StoryClient}.
 *
 * @example
 * export const Ready: Story = { decorators: [withStoryClient()] }
 */
export function withStoryClient(options?: ClientOptions): Decorator {
  return function StoryClientDecorator(Story) {
    return (
      <StoryClient options={options}>
        <Story />
      </StoryClient>
    );
  };
}
