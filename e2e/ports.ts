/**
 * The ports of the e2e servers. `E2E_PORT_OFFSET` moves them all, so two checkouts can run
 * their browser tests side by side on one machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const ports = {
  playground: 5173 + offset,
  preview: 4173 + offset,
  fixture: 5183 + offset,
  storybook: 6007 + offset,
  /** The LLM proxy the playground's dev server starts (not 8787, which `npm start`'s uses). */
  llmProxy: 8797 + offset,
};

export const urls = {
  playground: `http://127.0.0.1:${ports.playground}`,
  preview: `http://127.0.0.1:${ports.preview}`,
  fixture: `http://127.0.0.1:${ports.fixture}`,
  storybook: `http://127.0.0.1:${ports.storybook}`,
};
