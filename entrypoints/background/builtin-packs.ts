import builtin from '../../rules/packs/builtin.json';
import type { PackInput } from '../../rules/engine/schema.ts';
import { staticPackSource, type PackSource } from './pack-source.ts';

// The packs shipped with the extension (built from rules/packs/<id>/ by `npm run packs`).
// Validated by the engine's compile; a cast here only spares TypeScript from inferring a huge JSON type.
export function builtinPackSource(): PackSource {
  return staticPackSource(builtin as unknown as PackInput[]);
}
