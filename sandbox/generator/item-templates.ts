import type { Item, Uom } from "../../src/model/index.js";

/**
 * Reference med-surg item families. Descriptions follow the noun-first style item masters use
 * ("Glove, Exam, Nitrile, …"). Kept as a compact table, one family per row:
 *   base | variants (;) | UNSPSC | category | base UOM | packs above base (uom:qty,) | base-unit price range
 * Prices are in ten-thousandths of a dollar so no float ever touches money.
 */
export interface ItemTemplate {
  base: string;
  variants: readonly string[];
  unspsc: string;
  category: Item["clinicalCategory"];
  baseUom: Uom;
  /** Packaging levels above the base unit: [uom, base units per level]. */
  packs: readonly (readonly [Uom, number])[];
  price: readonly [number, number];
}

const TABLE = `
Glove, Exam, Nitrile, Powder-Free|Size S;Size M;Size L;Size XL|42132203|med-surg|each|box:100,case:1000|450-900
Glove, Surgical, Latex-Free, Sterile|Size 6.5;Size 7;Size 7.5;Size 8|42132205|med-surg|pair|box:50,case:200|6500-14000
Syringe, Luer-Lock Tip|1 mL;3 mL;5 mL;10 mL;20 mL|42142609|med-surg|each|box:100,case:800|900-2600
Needle, Hypodermic, Safety|18G x 1 in;21G x 1 in;23G x 1 in;25G x 5/8 in|42142523|med-surg|each|box:100,case:1000|700-1800
Catheter, Foley, 2-Way, Silicone, 5 mL Balloon|12 Fr;14 Fr;16 Fr;18 Fr;20 Fr|42221601|med-surg|each|box:10,case:100|28000-62000
Catheter, IV, Safety, Radiopaque|18G x 1.16 in;20G x 1 in;22G x 1 in;24G x 0.75 in|42221501|med-surg|each|box:50,case:200|11000-24000
Sponge, Gauze, 12-Ply, Sterile|2 x 2 in;4 x 4 in|42311505|med-surg|each|box:50,case:1200|300-900
Dressing, Transparent Film|2.375 x 2.75 in;4 x 4.75 in;6 x 8 in|42311511|med-surg|each|box:100,case:400|2500-14000
Suture, Absorbable, Polyglactin 910, 27 in|2-0 CT-1;3-0 SH;4-0 PS-2;0 CT-1|42312202|med-surg|each|box:36|42000-95000
Gown, Surgical, Reinforced, Sterile|Large;X-Large;XX-Large|42131606|med-surg|each|case:32|38000-72000
Drape, Surgical, Laparotomy, Sterile|102 x 121 in;108 x 156 in|42131702|med-surg|each|case:12|65000-140000
Mask, Procedure, Ear Loop, ASTM Level 2|Blue;Yellow|42131713|med-surg|each|box:50,case:500|400-1100
Tubing, Suction Connector, Non-Conductive|6 ft;10 ft;12 ft|42271702|med-surg|each|case:50|9000-21000
Set, IV Administration, Primary, Needle-Free|10 Drops/mL;15 Drops/mL;60 Drops/mL|42221603|med-surg|each|case:48|24000-52000
Pad, Electrosurgical Grounding, Adult|Split;Solid|42295119|med-surg|each|box:50,case:200|19000-38000
Wrap, Sterilization, Polypropylene|24 x 24 in;36 x 36 in;45 x 45 in|42281519|med-surg|each|case:250|3200-9800
Kit, Central Line Dressing Change|with CHG;Standard|42311600|med-surg|kit|case:40|52000-98000
Tape, Surgical, Silk|1 in x 10 yd;2 in x 10 yd|42311708|med-surg|roll|box:12,case:144|8000-19000
Screw, Cortical, Self-Tapping, Titanium, 3.5 mm|20 mm;26 mm;32 mm;40 mm;50 mm|42321501|implant|each||850000-1900000
Plate, Locking, Distal Radius, Titanium|Left Narrow;Right Narrow;Left Standard;Right Standard|42321502|implant|each||9800000-24000000
Stem, Femoral, Hip, Cementless|Size 9;Size 11;Size 13;Size 15|42321613|implant|each||180000000-420000000
Stent, Coronary, Drug-Eluting|2.5 x 18 mm;3.0 x 23 mm;3.5 x 28 mm|42203405|implant|each||95000000-210000000
Sodium Chloride 0.9% Injection, USP|250 mL Bag;500 mL Bag;1000 mL Bag|51191905|pharmacy|bag|case:24|9500-26000
Heparin Lock Flush, 10 units/mL, Prefilled Syringe|3 mL;5 mL|51131704|pharmacy|each|box:30,case:480|2800-6400
Lidocaine HCl 1% Injection|5 mL Vial;30 mL Vial|51142904|pharmacy|vial|box:25|9000-34000
Tube, Blood Collection, Vacuum, K2 EDTA|2 mL;4 mL;6 mL|41104118|lab|each|box:100,case:1000|900-2100
Container, Specimen, Screw Cap, Sterile|90 mL;120 mL|41104107|lab|each|box:100,case:500|1500-4200
Test Strip, Blood Glucose|50 Count Vial|41116004|lab|vial|box:2,case:24|110000-260000
Bag, Patient Belongings, Drawstring|White;Clear|42131501|non-clinical|each|case:250|900-2200
Gown, Patient, Cloth, Snap Shoulder|Regular;Bariatric|42131601|non-clinical|each|dozen:12,case:72|48000-96000
`;

function parseRow(row: string): ItemTemplate {
  const [base, variants, unspsc, category, baseUom, packs, price] = row.split("|");
  const [lo, hi] = price!.split("-").map(Number);
  return {
    base: base!,
    variants: variants!.split(";"),
    unspsc: unspsc!,
    category: category as Item["clinicalCategory"],
    baseUom: baseUom as Uom,
    packs: packs ? packs.split(",").map((p) => [p.split(":")[0] as Uom, Number(p.split(":")[1])] as const) : [],
    price: [lo!, hi!],
  };
}

export const ITEM_TEMPLATES: readonly ItemTemplate[] = TABLE.trim().split("\n").map(parseRow);
