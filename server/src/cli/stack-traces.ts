/**
 * Preloaded by every command (`tsx --import ./server/src/cli/stack-traces.ts …`: package.json scripts but `dev`, the
 * Dockerfile, the benchmarks): tsx turns Node's source maps on, which costs every driver statement a stack formatted
 * through the packages' maps and every start the reading of those maps (config.ts `sourceMaps`). Turned off here,
 * before the command's modules are loaded, unless SOURCE_MAPS asks for TypeScript positions in stacks.
 */
import { sourceMapsWanted } from '../config.js';

let wanted = false;
try {
  wanted = sourceMapsWanted();
} catch {
  // A bad SOURCE_MAPS is reported by the command itself (readConfig), as one clear line.
}
process.setSourceMapsEnabled(wanted);
