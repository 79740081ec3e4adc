/* The reference module's public face: regions, currencies, organization and account types (data). */
export {
  accountTypeNames,
  countryOfRegion,
  findOrganizationType,
  findRegion,
  isCurrencyCode,
} from './reference-data.js';
