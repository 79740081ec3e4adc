/* The tariffs module's public face: a tariff as a choice of Price (who may sell it, in which currency). */
export { isTariffAvailable } from './tariff-availability.js';
export { findTariffForUse } from './tariffs.repository.js';
