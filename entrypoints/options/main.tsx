import { render } from 'preact';
import { CARD_CSS } from '@/components/card-css';
import { Options } from './Options';
import '@/components/visually-hidden.css';
import './options.css';

// The card preview uses the same stylesheet string as the card frame on pages.
const cardSheet = new CSSStyleSheet();
cardSheet.replaceSync(CARD_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, cardSheet];

render(<Options />, document.getElementById('app')!);
