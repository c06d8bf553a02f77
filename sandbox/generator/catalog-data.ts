import type { Item, Uom } from "../../src/model/index.js";

/**
 * Reference vocabulary for generated med-surg data. Descriptions follow the noun-first style item
 * masters use ("Glove, Exam, Nitrile, …"); prices are per base unit in ten-thousandths of a dollar.
 */
export interface ItemTemplate {
  base: string;
  variants: readonly string[];
  unspsc: string;
  category: Item["clinicalCategory"];
  baseUom: Uom;
  /** Packaging levels above the base unit: [uom, base units per level]. */
  packs: readonly (readonly [Uom, number])[];
  /** Base-unit list price range in ten-thousandths. */
  price: readonly [number, number];
}

const SIZES = ["Size S", "Size M", "Size L", "Size XL"];
const FRENCH = ["12 Fr", "14 Fr", "16 Fr", "18 Fr", "20 Fr"];

export const ITEM_TEMPLATES: readonly ItemTemplate[] = [
  { base: "Glove, Exam, Nitrile, Powder-Free", variants: SIZES, unspsc: "42132203", category: "med-surg", baseUom: "each", packs: [["box", 100], ["case", 1000]], price: [450, 900] },
  { base: "Glove, Surgical, Latex-Free, Sterile", variants: ["Size 6.5", "Size 7", "Size 7.5", "Size 8"], unspsc: "42132205", category: "med-surg", baseUom: "pair", packs: [["box", 50], ["case", 200]], price: [6500, 14000] },
  { base: "Syringe, Luer-Lock Tip", variants: ["1 mL", "3 mL", "5 mL", "10 mL", "20 mL"], unspsc: "42142609", category: "med-surg", baseUom: "each", packs: [["box", 100], ["case", 800]], price: [900, 2600] },
  { base: "Needle, Hypodermic, Safety", variants: ["18G x 1 in", "21G x 1 in", "23G x 1 in", "25G x 5/8 in"], unspsc: "42142523", category: "med-surg", baseUom: "each", packs: [["box", 100], ["case", 1000]], price: [700, 1800] },
  { base: "Catheter, Foley, 2-Way, Silicone, 5 mL Balloon", variants: FRENCH, unspsc: "42221601", category: "med-surg", baseUom: "each", packs: [["box", 10], ["case", 100]], price: [28000, 62000] },
  { base: "Catheter, IV, Safety, Radiopaque", variants: ["18G x 1.16 in", "20G x 1 in", "22G x 1 in", "24G x 0.75 in"], unspsc: "42221501", category: "med-surg", baseUom: "each", packs: [["box", 50], ["case", 200]], price: [11000, 24000] },
  { base: "Sponge, Gauze, 12-Ply, Sterile", variants: ["2 x 2 in", "4 x 4 in"], unspsc: "42311505", category: "med-surg", baseUom: "each", packs: [["box", 50], ["case", 1200]], price: [300, 900] },
  { base: "Dressing, Transparent Film", variants: ["2.375 x 2.75 in", "4 x 4.75 in", "6 x 8 in"], unspsc: "42311511", category: "med-surg", baseUom: "each", packs: [["box", 100], ["case", 400]], price: [2500, 14000] },
  { base: "Suture, Absorbable, Polyglactin 910, 27 in", variants: ["2-0 CT-1", "3-0 SH", "4-0 PS-2", "0 CT-1"], unspsc: "42312202", category: "med-surg", baseUom: "each", packs: [["box", 36]], price: [42000, 95000] },
  { base: "Gown, Surgical, Reinforced, Sterile", variants: ["Large", "X-Large", "XX-Large"], unspsc: "42131606", category: "med-surg", baseUom: "each", packs: [["case", 32]], price: [38000, 72000] },
  { base: "Drape, Surgical, Laparotomy, Sterile", variants: ["102 x 121 in", "108 x 156 in"], unspsc: "42131702", category: "med-surg", baseUom: "each", packs: [["case", 12]], price: [65000, 140000] },
  { base: "Mask, Procedure, Ear Loop, ASTM Level 2", variants: ["Blue", "Yellow"], unspsc: "42131713", category: "med-surg", baseUom: "each", packs: [["box", 50], ["case", 500]], price: [400, 1100] },
  { base: "Tubing, Suction Connector, Non-Conductive", variants: ["6 ft", "10 ft", "12 ft"], unspsc: "42271702", category: "med-surg", baseUom: "each", packs: [["case", 50]], price: [9000, 21000] },
  { base: "Set, IV Administration, Primary, Needle-Free", variants: ["10 Drops/mL", "15 Drops/mL", "60 Drops/mL"], unspsc: "42221603", category: "med-surg", baseUom: "each", packs: [["case", 48]], price: [24000, 52000] },
  { base: "Pad, Electrosurgical Grounding, Adult", variants: ["Split", "Solid"], unspsc: "42295119", category: "med-surg", baseUom: "each", packs: [["box", 50], ["case", 200]], price: [19000, 38000] },
  { base: "Wrap, Sterilization, Polypropylene", variants: ["24 x 24 in", "36 x 36 in", "45 x 45 in"], unspsc: "42281519", category: "med-surg", baseUom: "each", packs: [["case", 250]], price: [3200, 9800] },
  { base: "Kit, Central Line Dressing Change", variants: ["with CHG", "Standard"], unspsc: "42311600", category: "med-surg", baseUom: "kit", packs: [["case", 40]], price: [52000, 98000] },
  { base: "Tape, Surgical, Silk", variants: ["1 in x 10 yd", "2 in x 10 yd"], unspsc: "42311708", category: "med-surg", baseUom: "roll", packs: [["box", 12], ["case", 144]], price: [8000, 19000] },
  { base: "Screw, Cortical, Self-Tapping, Titanium, 3.5 mm", variants: ["20 mm", "26 mm", "32 mm", "40 mm", "50 mm"], unspsc: "42321501", category: "implant", baseUom: "each", packs: [], price: [850000, 1900000] },
  { base: "Plate, Locking, Distal Radius, Titanium", variants: ["Left Narrow", "Right Narrow", "Left Standard", "Right Standard"], unspsc: "42321502", category: "implant", baseUom: "each", packs: [], price: [9800000, 24000000] },
  { base: "Stem, Femoral, Hip, Cementless", variants: ["Size 9", "Size 11", "Size 13", "Size 15"], unspsc: "42321613", category: "implant", baseUom: "each", packs: [], price: [180000000, 420000000] },
  { base: "Stent, Coronary, Drug-Eluting", variants: ["2.5 x 18 mm", "3.0 x 23 mm", "3.5 x 28 mm"], unspsc: "42203405", category: "implant", baseUom: "each", packs: [], price: [95000000, 210000000] },
  { base: "Sodium Chloride 0.9% Injection, USP", variants: ["250 mL Bag", "500 mL Bag", "1000 mL Bag"], unspsc: "51191905", category: "pharmacy", baseUom: "bag", packs: [["case", 24]], price: [9500, 26000] },
  { base: "Heparin Lock Flush, 10 units/mL, Prefilled Syringe", variants: ["3 mL", "5 mL"], unspsc: "51131704", category: "pharmacy", baseUom: "each", packs: [["box", 30], ["case", 480]], price: [2800, 6400] },
  { base: "Lidocaine HCl 1% Injection", variants: ["5 mL Vial", "30 mL Vial"], unspsc: "51142904", category: "pharmacy", baseUom: "vial", packs: [["box", 25]], price: [9000, 34000] },
  { base: "Tube, Blood Collection, Vacuum, K2 EDTA", variants: ["2 mL", "4 mL", "6 mL"], unspsc: "41104118", category: "lab", baseUom: "each", packs: [["box", 100], ["case", 1000]], price: [900, 2100] },
  { base: "Container, Specimen, Screw Cap, Sterile", variants: ["90 mL", "120 mL"], unspsc: "41104107", category: "lab", baseUom: "each", packs: [["box", 100], ["case", 500]], price: [1500, 4200] },
  { base: "Test Strip, Blood Glucose", variants: ["50 Count Vial"], unspsc: "41116004", category: "lab", baseUom: "vial", packs: [["box", 2], ["case", 24]], price: [110000, 260000] },
  { base: "Bag, Patient Belongings, Drawstring", variants: ["White", "Clear"], unspsc: "42131501", category: "non-clinical", baseUom: "each", packs: [["case", 250]], price: [900, 2200] },
  { base: "Gown, Patient, Cloth, Snap Shoulder", variants: ["Regular", "Bariatric"], unspsc: "42131601", category: "non-clinical", baseUom: "each", packs: [["dozen", 12], ["case", 72]], price: [48000, 96000] },
];

export const SUPPLIER_PREFIXES = [
  "Apex", "Summit", "Meridian", "Keystone", "Harbor", "Pioneer", "Lakeshore", "Cardinal", "Sterling",
  "Northfield", "Bayview", "Redwood", "Granite", "Beacon", "Crestline", "Evergreen", "Frontier", "Halcyon",
  "Ironwood", "Juniper", "Kingsley", "Lumen", "Meadowbrook", "Northstar", "Orchard", "Prairie", "Quantum",
  "Riverside", "Sentinel", "Trinity", "Unity", "Vanguard", "Westbrook", "Zenith", "Allied", "Bristol",
];

export const MANUFACTURER_SUFFIXES = [
  "Medical", "Surgical", "Orthopedics", "Healthcare", "Biomedical", "Life Sciences", "Medical Devices",
  "Diagnostics", "Vascular", "Infection Prevention",
];
export const DISTRIBUTOR_SUFFIXES = ["Medical Supply", "Healthcare Distribution", "Surgical Supply"];
export const LEGAL_FORMS = ["Inc.", "LLC", "Corp.", "Co.", "L.P."];

/** Real city/ZIP/zone triples: facility time zones must be real IANA zones for activation timers. */
export const LOCATIONS = [
  { city: "Chicago", region: "IL", postal: "60611", tz: "America/Chicago" },
  { city: "Indianapolis", region: "IN", postal: "46202", tz: "America/Indiana/Indianapolis" },
  { city: "Milwaukee", region: "WI", postal: "53233", tz: "America/Chicago" },
  { city: "Grand Rapids", region: "MI", postal: "49503", tz: "America/Detroit" },
  { city: "Evanston", region: "IL", postal: "60201", tz: "America/Chicago" },
  { city: "Naperville", region: "IL", postal: "60540", tz: "America/Chicago" },
  { city: "Oak Park", region: "IL", postal: "60302", tz: "America/Chicago" },
  { city: "Joliet", region: "IL", postal: "60435", tz: "America/Chicago" },
  { city: "Carmel", region: "IN", postal: "46032", tz: "America/Indiana/Indianapolis" },
  { city: "Fishers", region: "IN", postal: "46037", tz: "America/Indiana/Indianapolis" },
  { city: "Waukesha", region: "WI", postal: "53188", tz: "America/Chicago" },
  { city: "Kenosha", region: "WI", postal: "53140", tz: "America/Chicago" },
  { city: "Kalamazoo", region: "MI", postal: "49007", tz: "America/Detroit" },
  { city: "Gary", region: "IN", postal: "46402", tz: "America/Chicago" },
  { city: "Rockford", region: "IL", postal: "61101", tz: "America/Chicago" },
  { city: "Madison", region: "WI", postal: "53703", tz: "America/Chicago" },
] as const;

export const STREETS = [
  "N Michigan Ave", "W Harrison St", "E Washington St", "S Main St", "Medical Center Dr",
  "University Blvd", "Lake Shore Dr", "Oak St", "Commerce Pkwy", "Industrial Dr", "W Wisconsin Ave",
  "Monroe Ave NW", "Riverside Dr", "Ridge Rd",
];

export const COST_CENTERS = [
  ["6010", "Medical/Surgical Nursing"],
  ["6170", "Intensive Care Unit"],
  ["7010", "Surgical Services"],
  ["7200", "Laboratory"],
  ["7420", "Pharmacy"],
  ["7600", "Radiology"],
  ["8400", "Materials Management"],
  ["8700", "Environmental Services"],
] as const;
