import { Errors } from "../errors/index.js";
import type { CompiledMapping, XrefResolver } from "../mapping/index.js";

/**
 * Maps an outbound message; a mapping issue is permanent (retrying cannot invent a missing
 * cross-reference), so it becomes a rejection that raises an exception naming the field.
 */
export function mapOrReject<S, T>(mapping: CompiledMapping<S, T>, source: S, resolve: XrefResolver, system: string): T {
  const { value, issues } = mapping.map(source, resolve);
  if (issues.length > 0) {
    throw Errors.ConnectorRejected(
      `mapping ${mapping.name} v${mapping.version} for ${system} failed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      { system, mapping: mapping.name, issues },
    );
  }
  return value;
}
