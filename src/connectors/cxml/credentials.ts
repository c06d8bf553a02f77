import { createHash, timingSafeEqual } from "node:crypto";
import { Errors } from "../../errors/index.js";
import { UOMS, type Uom } from "../../model/index.js";
import type { CxmlEnvelope } from "./cxml-types.js";

export interface CxmlPartnerInput {
  /** Concord's name for the partner (the inbound system). */
  readonly system: string;
  /** The Sender credentials this partner uses; domain is compared case-insensitively, identity exactly. */
  readonly credentials: readonly { readonly domain: string; readonly identity: string }[];
  readonly sharedSecret?: string;
  /**
   * Accept documents whose Sender has no SharedSecret (Coupa sends DUNS credentials without one).
   * Only for partners reached over a channel that authenticates them otherwise (mutual TLS, VPN).
   */
  readonly allowMissingSharedSecret?: boolean;
  /** UnitOfMeasure codes this partner uses differently from UN/CEFACT Rec 20. */
  readonly uomOverrides?: Readonly<Record<string, Uom>>;
  /**
   * How Concord identifies itself to this partner in the documents it sends (From, and Sender with
   * the shared secret): its Ariba Network id, DUNS… Default NetworkId CONCORD.
   */
  readonly concordCredential?: { readonly domain: string; readonly identity: string };
}

export interface CxmlPartner {
  readonly system: string;
  readonly credentials: readonly { readonly domain: string; readonly identity: string }[];
  readonly sharedSecret: string | undefined;
  readonly allowMissingSharedSecret: boolean;
  readonly uomOverrides: Readonly<Record<string, Uom>>;
  readonly concordCredential: { readonly domain: string; readonly identity: string };
}

export interface CxmlPartnerRegistry {
  readonly partners: readonly CxmlPartner[];
}

/** Concord's From/Sender credential toward a partner that names none. */
export const DEFAULT_CONCORD_CREDENTIAL = { domain: "NetworkId", identity: "CONCORD" } as const;

const keyOf = (domain: string, identity: string) => `${domain.trim().toLowerCase()}\u0000${identity.trim()}`;

/** Validates the partner configuration once: every partner is authenticated somehow, no credential twice. */
export function compileCxmlPartners(inputs: readonly CxmlPartnerInput[]): CxmlPartnerRegistry {
  const seen = new Map<string, string>();
  const partners = inputs.map((p, i) => {
    const where = `cxml.partners[${i}] (${p.system})`;
    if (!p.system) throw Errors.ConfigInvalid(`${where}: system is required`, { option: where });
    if (p.credentials.length === 0)
      throw Errors.ConfigInvalid(`${where}: at least one credential is required`, { option: where });
    if (!p.sharedSecret && !p.allowMissingSharedSecret) {
      throw Errors.ConfigInvalid(
        `${where}: set sharedSecret, or allowMissingSharedSecret for a partner that sends none`,
        {
          option: where,
        },
      );
    }
    for (const c of p.credentials) {
      if (!c.domain.trim() || !c.identity.trim())
        throw Errors.ConfigInvalid(`${where}: empty credential domain or identity`, { option: where });
      const key = keyOf(c.domain, c.identity);
      const other = seen.get(key);
      if (other !== undefined) {
        throw Errors.ConfigInvalid(`${where}: credential ${c.domain}/${c.identity} is already used by ${other}`, {
          option: where,
        });
      }
      seen.set(key, p.system);
    }
    for (const [code, uom] of Object.entries(p.uomOverrides ?? {})) {
      if (!(UOMS as readonly string[]).includes(uom)) {
        throw Errors.ConfigInvalid(`${where}: uomOverrides maps ${code} to unknown unit "${uom}"`, { option: where });
      }
    }
    const concord = p.concordCredential ?? DEFAULT_CONCORD_CREDENTIAL;
    if (!concord.domain.trim() || !concord.identity.trim())
      throw Errors.ConfigInvalid(`${where}: concordCredential needs a domain and an identity`, { option: where });
    return {
      system: p.system,
      credentials: p.credentials.map((c) => ({ domain: c.domain.trim(), identity: c.identity.trim() })),
      sharedSecret: p.sharedSecret || undefined,
      allowMissingSharedSecret: p.allowMissingSharedSecret ?? false,
      uomOverrides: { ...(p.uomOverrides ?? {}) },
      concordCredential: { domain: concord.domain.trim(), identity: concord.identity.trim() },
    };
  });
  return { partners };
}

/** Equal-length digests make the comparison constant-time whatever the secrets' lengths. */
function secretsEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}

/**
 * Finds the partner by the envelope's Sender credential and checks its SharedSecret (in constant
 * time). Throws CONCORD_ERR_CXML_CREDENTIALS (401) for an unknown sender, a missing secret (unless
 * the partner allows it) or a wrong one; the error never contains the secret.
 */
export function verifyCxmlCredentials(envelope: CxmlEnvelope, registry: CxmlPartnerRegistry): CxmlPartner {
  const sender = envelope.sender?.credentials ?? [];
  const base = { payloadId: envelope.payloadId };
  if (sender.length === 0) throw Errors.CxmlCredentials(`cXML ${envelope.payloadId}: no Sender credential`, base);
  for (const cred of sender) {
    const key = keyOf(cred.domain, cred.identity);
    const partner = registry.partners.find((p) => p.credentials.some((c) => keyOf(c.domain, c.identity) === key));
    if (!partner) continue;
    const extras = { ...base, domain: cred.domain, identity: cred.identity };
    if (cred.sharedSecret === undefined) {
      if (partner.allowMissingSharedSecret) return partner;
      throw Errors.CxmlCredentials(
        `cXML ${envelope.payloadId}: Sender ${cred.domain}/${cred.identity} sent no SharedSecret`,
        extras,
      );
    }
    if (partner.sharedSecret === undefined) return partner;
    if (!secretsEqual(cred.sharedSecret, partner.sharedSecret)) {
      throw Errors.CxmlCredentials(
        `cXML ${envelope.payloadId}: wrong SharedSecret for Sender ${cred.domain}/${cred.identity}`,
        extras,
      );
    }
    return partner;
  }
  const first = sender[0]!;
  throw Errors.CxmlCredentials(
    `cXML ${envelope.payloadId}: no partner is configured for Sender ${first.domain}/${first.identity}`,
    {
      ...base,
      domain: first.domain,
      identity: first.identity,
    },
  );
}
