import { type CxmlPartnerInput, type CxmlPartnerRegistry, compileCxmlPartners } from "../connectors/cxml/index.js";
import { compileSftpConfig, type SftpConfig } from "../connectors/sftp/index.js";
import { compileX12Options, type X12PartnerOptions } from "../connectors/x12/index.js";
import { Errors } from "../errors/index.js";

/** A trading partner (distributor, manufacturer, supplier network) and how it talks to Concord. */
export interface PartnerConfigInput {
  /** Concord's name for the partner: the system in cross-references, inbound records and deliveries. */
  readonly system: string;
  readonly name?: string;
  /** Its X12 interchange id (ISA05/ISA06 when it sends, ISA07/ISA08 when Concord sends) and options. */
  readonly x12?: X12PartnerOptions & {
    readonly qualifier: string;
    readonly id: string;
    /** The functional acknowledgment it expects: 997 (default; most supply-chain partners) or 999. */
    readonly ack?: "997" | "999";
  };
  /** Its cXML Sender credentials and shared secret. */
  readonly cxml?: Omit<CxmlPartnerInput, "system">;
  /**
   * A watched folder exchanged with the partner: it drops files into `<root>/inbound`, Concord
   * writes to `<root>/outbound` (see docs/formats/file-transports.md).
   */
  readonly fileDrop?: { readonly root: string; readonly scanIntervalMs?: number; readonly stableMs?: number };
  /**
   * The partner's SFTP server: Concord pulls its `inboundDir` every `pollMs` (default 60 s) and
   * pushes to its `outboundDir`. Used when the partner has no `fileDrop`.
   */
  readonly sftp?: Omit<SftpConfig, "partner"> & { readonly pollMs?: number };
}

export interface X12Partner {
  readonly system: string;
  readonly qualifier: string;
  readonly id: string;
  readonly ack: "997" | "999";
  /** Validated at start-up (compileX12Options), passed as given to the codec. */
  readonly options: X12PartnerOptions;
}

export interface PartnersConfig {
  readonly systems: readonly string[];
  /** X12 partners by `qualifier:id` of their interchange id. */
  readonly x12: ReadonlyMap<string, X12Partner>;
  readonly cxml: CxmlPartnerRegistry;
  /** SFTP servers by partner system. */
  readonly sftp: ReadonlyMap<string, SftpConfig & { readonly pollMs: number }>;
  /** File drops by partner system. */
  readonly fileDrops: ReadonlyMap<string, NonNullable<PartnerConfigInput["fileDrop"]>>;
  /** Concord's own interchange id. */
  readonly x12Identity: { readonly qualifier: string; readonly id: string };
}

/** The X12 settings of a partner system, if it has any. */
export function x12PartnerOf(partners: PartnersConfig, system: string): X12Partner | undefined {
  return [...partners.x12.values()].find((p) => p.system === system);
}

export const x12Key = (qualifier: string, id: string) => `${qualifier.trim()}:${id.trim()}`;

const SYSTEM = /^[a-z][a-z0-9-]{1,30}$/;
const X12_QUALIFIER = /^[0-9A-Z]{2}$/;
const X12_ID = /^[!-~][ -~]{0,14}$/;

/** Validates every partner once at start-up: a typo fails here, not on the partner's first file. */
export function compilePartners(
  inputs: readonly PartnerConfigInput[],
  identity: { qualifier: string; id: string } = { qualifier: "ZZ", id: "CONCORD" },
): PartnersConfig {
  if (!X12_QUALIFIER.test(identity.qualifier) || !X12_ID.test(identity.id)) {
    throw Errors.ConfigInvalid(
      `x12Identity ${identity.qualifier}:${identity.id}: the qualifier is 2 letters or digits, the id 1-15 printable characters`,
    );
  }
  const systems = new Set<string>();
  const x12 = new Map<string, X12Partner>();
  const fileDrops = new Map<string, NonNullable<PartnerConfigInput["fileDrop"]>>();
  const sftp = new Map<string, SftpConfig & { readonly pollMs: number }>();
  for (const [i, p] of inputs.entries()) {
    const where = `partners[${i}] (${p.system})`;
    if (!SYSTEM.test(p.system)) throw Errors.ConfigInvalid(`${where}: system must match ${SYSTEM.source}`);
    if (systems.has(p.system)) throw Errors.ConfigInvalid(`${where}: partner ${p.system} is configured twice`);
    systems.add(p.system);
    if (!p.x12 && !p.cxml) throw Errors.ConfigInvalid(`${where}: give x12 or cxml settings (or both)`);
    if (p.fileDrop) {
      if (!p.fileDrop.root) throw Errors.ConfigInvalid(`${where}: fileDrop.root is required`);
      fileDrops.set(p.system, p.fileDrop);
    }
    if (p.sftp) {
      const { pollMs = 60_000, ...rest } = p.sftp;
      const config = { ...rest, partner: p.system };
      compileSftpConfig(config);
      if (!Number.isInteger(pollMs) || pollMs < 100) throw Errors.ConfigInvalid(`${where}: sftp.pollMs must be ≥ 100`);
      sftp.set(p.system, { ...config, pollMs });
    }
    if (p.x12) {
      const { qualifier, id, ack = "997", ...options } = p.x12;
      if (!X12_QUALIFIER.test(qualifier) || !X12_ID.test(id)) {
        throw Errors.ConfigInvalid(
          `${where}: x12 ${qualifier}:${id}: the qualifier is 2 letters or digits, the id 1-15 printable characters`,
        );
      }
      if (ack !== "997" && ack !== "999") throw Errors.ConfigInvalid(`${where}: x12.ack must be "997" or "999"`);
      const key = x12Key(qualifier, id);
      if (x12.has(key))
        throw Errors.ConfigInvalid(`${where}: interchange id ${key} already belongs to ${x12.get(key)!.system}`);
      if (key === x12Key(identity.qualifier, identity.id)) {
        throw Errors.ConfigInvalid(`${where}: interchange id ${key} is Concord's own`);
      }
      compileX12Options(options);
      x12.set(key, { system: p.system, qualifier, id, ack, options });
    }
  }
  const cxml = compileCxmlPartners(
    inputs.filter((p) => p.cxml).map((p) => ({ ...p.cxml!, system: p.system }) satisfies CxmlPartnerInput),
  );
  return { systems: [...systems], x12, cxml, fileDrops, sftp, x12Identity: identity };
}
