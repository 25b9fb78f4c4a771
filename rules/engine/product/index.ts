// Product knowledge: the record of what is true about the item on sale, the checks that compare
// speech against it, the checklist of what is still unsaid, FAQ answers and talking points.
export {
  productSchema,
  factSchema,
  registrationsSchema,
  sellingPointSchema,
  disclosureSchema,
  faqSchema,
  priceSchema,
  DISCLOSURE_KINDS,
  type Product,
  type ProductInput,
  type Fact,
  type SellingPoint,
  type Disclosure,
  type FaqEntry,
} from './schema.ts';
export { parseCnInteger, parseNumber, readNumberAt } from './cn-number.ts';
export { toBase, unitOf, findQuantities, sameAmount, type Dimension, type Quantity } from './units.ts';
export { factKind, compositionOf, contentsOf, shelfLivesOf, originsOf, optionsOf, type FactKind } from './facts.ts';
export { productHits, withProductKnowledge, type ProductCheckOptions } from './check-product.ts';
export { lawfulUnderProduct } from './check-claims.ts';
export { checklist, missingDisclosures, requiredDisclosures, LEGAL_DISCLOSURES, type ChecklistItem } from './coverage.ts';
export { answerQuestion, type FaqAnswer } from './faq.ts';
export { talkingPoints, type TalkingPoint, type TalkingPointKind } from './suggest.ts';
export { productFromCsv, productToCsv, ProductCsvError, CSV_COLUMNS } from './csv.ts';
export { productFromJson, productToJson, parseProduct, ProductJsonError } from './json.ts';
export { COSMETIC_EFFICACIES, HEALTH_FUNCTIONS } from './efficacies.ts';
export { referencePriceStatus, type PriceNote } from './reference-price.ts';
export { localizedMessage } from './hit.ts';
