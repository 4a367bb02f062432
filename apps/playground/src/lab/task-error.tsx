import type { OnDeviceError } from '@ondevice/core';

/**
 * A task's error, announced; nothing when there is none.
 *
 * @example
 * <TaskError error={result.error} />
 */
export function TaskError({ error }: { error: OnDeviceError | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="lab-error">
      {error.name}: {error.message}
    </p>
  );
}
