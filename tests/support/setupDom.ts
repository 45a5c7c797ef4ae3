// What jsdom lacks and Codex calls. Codex 2's Dialog focus trap scrolls the focused
// element into view half a second after opening (useFocusTrap, with preventScroll), and
// its menus scroll the highlighted item; jsdom has no layout and no scrollIntoView, so
// without this the timer throws after the test has passed. A no-op is what a browser
// does when everything is already in view. (Tests that run in the node environment have
// no Element at all.)
if ( typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function' ) {
	Element.prototype.scrollIntoView = function scrollIntoView(): void {
		// Nothing to scroll: jsdom lays nothing out.
	};
}
