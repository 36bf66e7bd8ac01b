// The cross-source room's public module.
export { createCrossrefService, type CrossrefService } from './service.js';
export { STORIES_SETTING, storyArticles } from './stories.js';
