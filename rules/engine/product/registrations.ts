import type { Product } from './schema.ts';

// Registrations as the checks read them. Managers often type the certificate into the facts table
// (注册证号 国妆特字G2024…, 保健食品注册号 国食健注G2019…, 注册功效 防晒) instead of the registration
// section; the certificate number is unmistakable, so those facts count as the registration. Without
// this a registered sunscreen was told its own SPF needs a registration. (A device number says
// nothing about the device class, so devices are left to the record's own field.)

const COSMETIC_NUMBER = /国妆特字|国妆特进字|妆特字|国妆特/;
const HEALTH_NUMBER = /国食健注|国食健字|卫食健字|食健备|国食健备|卫进食健字/;
const COSMETIC_EFFICACY = /功效|注册功效|特证功效/;
const HEALTH_FUNCTION = /保健功能|功能/;
const SPLIT = /[、,，;；/|和及]+/;

type Registrations = Product['registrations'];
const cache = new WeakMap<Product, Registrations>();

export function registrationsOf(product: Product): Registrations {
  const hit = cache.get(product);
  if (hit) return hit;
  const r: Registrations = { ...product.registrations };
  const numberOf = (re: RegExp) => product.facts.find((f) => re.test(f.value))?.value;
  const listOf = (re: RegExp) => product.facts.filter((f) => re.test(f.attribute)).flatMap((f) => f.value.split(SPLIT)).map((s) => s.trim()).filter(Boolean);
  const cosmetic = numberOf(COSMETIC_NUMBER);
  if (!r.specialCosmetic && cosmetic) {
    const efficacies = listOf(COSMETIC_EFFICACY);
    if (efficacies.length) r.specialCosmetic = { number: cosmetic, efficacies };
  }
  const health = numberOf(HEALTH_NUMBER);
  if (!r.healthFood && health) {
    const functions = product.facts.filter((f) => HEALTH_FUNCTION.test(f.attribute)).map((f) => f.value.trim()).filter(Boolean);
    if (functions.length) r.healthFood = { number: health, functions };
  }
  cache.set(product, r);
  return r;
}
