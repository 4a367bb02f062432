import type { Preview } from '@storybook/react-vite';
import '@ondevice/react/theme.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
