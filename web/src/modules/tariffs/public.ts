/* The tariffs feature as the rest of the app sees it. */
export { TariffsSection } from './tariffs-section';
