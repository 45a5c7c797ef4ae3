/**
 * What other features may use of community heroes: nothing yet. The page-view loader
 * only loads the heroes module by name.
 */
export {};
