// What a UI that imports only the flow (as the element does) pulls in: tree-shaking keeps the rest out.
export { checkPassword, createOnboardingFlow, passwordRulesAttribute } from '../src/index.js';
