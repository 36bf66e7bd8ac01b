// The citation room's public module: what exports need to cite (a formatter over CSL items,
// the styles) and its service factory.
export { createCiteService, passageText, bibliographyText } from './service.js';
export { formatter, type Formatter } from './engine.js';
export { cslItem, toCsl, dateParts, missingFor, type CslItem } from './csl-item.js';
export { passageLocator, paragraphAt } from './locator.js';
export { styleXml, listStyles, BUILT_IN_STYLES, USER_STYLES_SETTING, type UserStyle } from './styles.js';
export { escapeHtml, escapeRtf, rtfDocument } from './wrap.js';
