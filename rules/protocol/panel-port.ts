// The Port name and limits of the panel protocol, apart from its zod schemas (panel.ts):
// the side panel imports this file eagerly and the schemas lazily, so zod is not parsed before the
// panel's first paint (measured: the panel chunk's evaluation dominated time-to-first-content).

export const PANEL_PORT = 'livelint:panel';

/** Most findings a snapshot carries; older ones stay counted in the badge but off the wire. */
export const MAX_SNAPSHOT_FINDINGS = 200;
