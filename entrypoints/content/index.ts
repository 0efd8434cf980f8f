export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    // Registers the named highlight the matcher will fill; page scripts and
    // tests can see it in the shared CSS.highlights registry.
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      CSS.highlights.set('fact-cards', new Highlight());
    }
  },
});
