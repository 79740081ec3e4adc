import { createMessages } from './lib/messages.js';
import { billingMessages } from './modules/billing/billing.messages.js';
import { contractsMessages } from './modules/contracts/contracts.messages.js';
import { financeMessages } from './modules/finance/finance.messages.js';
import { ledgerMessages } from './modules/ledger/ledger.messages.js';
import { objectsMessages } from './modules/objects/objects.messages.js';
import { partnerSettingsMessages } from './modules/partner-settings/partner-settings.messages.js';
import { partnersMessages } from './modules/partners/partners.messages.js';
import { referenceMessages } from './modules/reference/reference.messages.js';
import { tariffsMessages } from './modules/tariffs/tariffs.messages.js';
import { twoFactorMessages } from './modules/two-factor/two-factor.messages.js';
import { usersMessages } from './modules/users/users.messages.js';
import { staffMessages } from './modules/staff/staff.messages.js';

/** Each feature's catalogue, by module. A code lives in exactly one of them (or in the shared one). */
export const featureCatalogues = {
  contracts: contractsMessages,
  objects: objectsMessages,
  users: usersMessages,
  staff: staffMessages,
  finance: financeMessages,
  billing: billingMessages,
  tariffs: tariffsMessages,
  partners: partnersMessages,
  'partner-settings': partnerSettingsMessages,
  reference: referenceMessages,
  ledger: ledgerMessages,
  'two-factor': twoFactorMessages,
} as const;

/** Every message of the application: the shared ones (lib/messages.ts) and each feature's catalogue. */
export const appMessages = createMessages(Object.values(featureCatalogues));
