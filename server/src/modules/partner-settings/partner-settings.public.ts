/* The partner settings' public face: the value of a setting in force for a partner (its own or inherited). */
export { findSettingInForce } from './partner-settings.repository.js';
