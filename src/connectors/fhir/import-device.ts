import { TypeCompiler } from "@sinclair/typebox/compiler";
import { checkGtin, type Issue, type ItemRef, ItemRefSchema } from "../../model/index.js";
import { CodeSystems, FhirSystems } from "./fhir-systems.js";
import { parseUdiHrf } from "./gs1-udi.js";
import { importDate } from "./import-helpers.js";
import type { ImportedDevice } from "./import-types.js";
import type { Device } from "./r4-resources.js";

const checkItemRef = TypeCompiler.Compile(ItemRefSchema);

/**
 * A Device with a GS1 UDI as an item reference (GTIN) plus the production identifiers of the
 * unit. Every place a value can come from is read, and a disagreement is a warning: lot from
 * lotNumber or HRF (10), serial from serialNumber, an SNO-typed identifier or HRF (21), expiry
 * from expirationDate or HRF (17). A GTIN with a wrong check digit is kept and warned about
 * (real labels and guides carry them).
 */
export function importDevice(
  d: Device,
  warnings: Issue[],
  today?: string,
): { value?: ImportedDevice; issues: Issue[] } {
  const issues: Issue[] = [];
  const carrier = (d.udiCarrier ?? []).find((u) => u.issuer === FhirSystems.udiIssuerGs1) ?? d.udiCarrier?.[0];
  const hrf = carrier?.carrierHRF ? parseUdiHrf(carrier.carrierHRF, today) : undefined;
  for (const p of hrf?.problems ?? [])
    warnings.push({ path: "/udiCarrier/0/carrierHRF", rule: "fhir.udi-hrf", message: p });

  let gtin: string | undefined;
  const di = carrier?.deviceIdentifier ?? hrf?.gtin;
  if (di !== undefined) {
    if (carrier?.issuer !== undefined && carrier.issuer !== FhirSystems.udiIssuerGs1) {
      warnings.push({
        path: "/udiCarrier/0/issuer",
        rule: "fhir.udi-issuer",
        message: `UDI issuer ${carrier.issuer} is not GS1; its device identifier is not read as a GTIN`,
      });
    } else if (/^\d{8}$|^\d{12,14}$/.test(di)) {
      const check = checkGtin(di);
      gtin = check.normalized;
      if (!check.checkDigitValid) {
        warnings.push({
          path: "/udiCarrier/0/deviceIdentifier",
          rule: "gtin.check-digit",
          message: `GTIN ${di} has a wrong check digit (expected ${check.expectedCheckDigit})`,
        });
      }
    } else {
      issues.push({
        path: "/udiCarrier/0/deviceIdentifier",
        rule: "fhir.udi-di",
        message: `GS1 device identifier ${JSON.stringify(di)} is not a GTIN`,
      });
    }
  }
  if (hrf?.gtin && gtin && hrf.gtin !== gtin) {
    warnings.push({
      path: "/udiCarrier/0/carrierHRF",
      rule: "fhir.udi-mismatch",
      message: `HRF (01) ${hrf.gtin} differs from deviceIdentifier ${gtin}`,
    });
  }
  const sno = d.identifier?.find((i) =>
    i.type?.coding?.some((c) => c.system === CodeSystems.identifierType && c.code === "SNO"),
  )?.value;
  const pick = (label: string, candidates: (string | undefined)[]) => {
    const present = candidates.filter((c): c is string => c !== undefined && c !== "");
    if (new Set(present).size > 1)
      warnings.push({
        path: "/",
        rule: "fhir.udi-mismatch",
        message: `${label} disagree: ${[...new Set(present)].join(" vs ")}`,
      });
    return present[0];
  };
  const lot = pick("lot numbers", [d.lotNumber, hrf?.lot]);
  const serial = pick("serial numbers", [d.serialNumber, sno, hrf?.serial]);
  const expiresOn = pick("expiry dates", [importDate(d.expirationDate, "/expirationDate", warnings), hrf?.expiresOn]);

  const description = d.deviceName?.[0]?.name ?? d.type?.text ?? d.type?.coding?.[0]?.display;
  const item: { -readonly [K in keyof ItemRef]?: ItemRef[K] } = {};
  if (gtin) item.gtin = gtin;
  if (d.partNumber) item.manufacturerPartNo = d.partNumber.slice(0, 48);
  if (description) item.description = description.slice(0, 500);
  if (!gtin && !item.manufacturerPartNo) {
    issues.push({
      path: "/udiCarrier",
      rule: "fhir.device-identity",
      message: "the Device has neither a GS1 UDI device identifier nor a part number: no item to match",
    });
  }
  for (const e of checkItemRef.Errors(item))
    issues.push({ path: e.path, rule: "canonical.item-ref", message: e.message });
  if (issues.length > 0) return { issues };
  return {
    value: {
      kind: "device",
      item: item as ItemRef,
      ...(lot ? { lot } : {}),
      ...(serial ? { serial } : {}),
      ...(expiresOn ? { expiresOn } : {}),
      ...(carrier
        ? {
            udi: {
              ...(carrier.deviceIdentifier ? { deviceIdentifier: carrier.deviceIdentifier } : {}),
              ...(carrier.issuer ? { issuer: carrier.issuer } : {}),
              ...(carrier.carrierHRF ? { carrierHRF: carrier.carrierHRF } : {}),
            },
          }
        : {}),
      ...(d.status ? { status: d.status } : {}),
      ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
    },
    issues,
  };
}
