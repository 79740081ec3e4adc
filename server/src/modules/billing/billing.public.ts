/* The billing module's public face: what /metrics reads of the billing runs. */
export { readBillingRunMetrics, type BillingRunMetrics } from './billing-metrics.repository.js';
