// The anchor room's public module: the passages service, and selectors (W3C
// TextQuote + TextPosition) described on a text and anchored back onto one.
export { createPassagesService } from './service.js';
export { anchor, describeSelection, type AnchorSelectors, type Selectors } from './anchoring.js';
export { PASSAGE_LINKS_SETTING, liveLinks, linkViews, LINK_RELATIONS } from './links.js';
export { replaceWithVersion } from './versions.js';
