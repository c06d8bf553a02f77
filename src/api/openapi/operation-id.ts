/**
 * A stable operationId from the method and the route's path, so clients generated from the
 * document keep their names across releases: `GET /v1/contracts/:id/versions/:version` →
 * `getV1ContractsByIdVersionsByVersion`, `GET /v1/exports/:kind.csv` → `getV1ExportsByKindCsv`.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split("?")[0]!
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      // `:kind.csv` is a parameter followed by a literal suffix.
      const param = /^:(\w+)(.*)$/.exec(segment);
      return param ? ["by", ...split(param[1]!), ...split(param[2]!)] : split(segment);
    });
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

function split(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}
