// The insights Port's name, in a file of its own so the panel's first paint does not load zod.
export const INSIGHTS_PORT = 'livelint-insights';
