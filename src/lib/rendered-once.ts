/** The HTML SameOnEveryPage.astro keeps for the build, by key (a module of its own: a component cannot export it). */
export const renderedOnce = new Map<string, string>();
