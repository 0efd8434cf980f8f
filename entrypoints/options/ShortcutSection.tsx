/**
 * The keyboard shortcut: extensions can't change it themselves, so the page
 * shows the current binding and where the browser lets the user change it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Section } from './controls';

export const OPEN_CARD_COMMAND = 'open-card';

type Binding = { state: 'loading' } | { state: 'set'; keys: string } | { state: 'unset' } | { state: 'unknown' };

async function readBinding(): Promise<Binding> {
  try {
    const command = (await browser.commands.getAll()).find((c) => c.name === OPEN_CARD_COMMAND);
    return command?.shortcut ? { state: 'set', keys: command.shortcut } : { state: 'unset' };
  } catch {
    return { state: 'unknown' };
  }
}

export function ShortcutSection() {
  const [binding, setBinding] = useState<Binding>({ state: 'loading' });
  const firefox = import.meta.env.FIREFOX;

  useEffect(() => {
    let live = true;
    const refresh = () => void readBinding().then((b) => live && setBinding(b));
    refresh();
    // The shortcut is changed on a browser page; read it again on coming back.
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      window.removeEventListener('focus', refresh);
    };
  }, []);

  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  // Firefox 137+ opens its shortcut page itself; Chrome lets an extension page open chrome:// URLs in a tab.
  const openSettings = firefox
    ? commands.openShortcutSettings && (() => void commands.openShortcutSettings!())
    : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });

  return (
    <Section id="shortcut" title="Keyboard shortcut">
      <p id="shortcut-current">
        {'Open the fact card for the selection or the next name: '}
        {binding.state === 'set' && <kbd>{binding.keys}</kbd>}
        {binding.state === 'unset' && <strong>no shortcut set</strong>}
        {binding.state === 'unknown' && <span>(the browser did not say)</span>}
        {binding.state === 'loading' && <span>…</span>}
      </p>
      {firefox ? (
        <p>
          To change it, open <code>about:addons</code>, click the ⚙ (gear) menu and choose <strong>Manage Extension Shortcuts</strong>.
        </p>
      ) : (
        <p>
          To change it, open <code>chrome://extensions/shortcuts</code>.
        </p>
      )}
      {openSettings && (
        <button type="button" onClick={openSettings}>
          Open the browser’s shortcut settings
        </button>
      )}
    </Section>
  );
}
