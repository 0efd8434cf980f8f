import { render } from 'preact';
import { CARD_CSS } from '@/components/card-css';
import { Popup } from './Popup';
import '@/components/visually-hidden.css';
import './popup.css';

// The card's stylesheet is a string shared with the content script's shadow
// root; adopted here the same way.
const cardSheet = new CSSStyleSheet();
cardSheet.replaceSync(CARD_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, cardSheet];

render(<Popup />, document.getElementById('app')!);
