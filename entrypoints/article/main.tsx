import { render } from 'preact';
import { ArticleApp } from './ArticleViewer';
import { loadViewerPacks } from './packs';
import './style.css';

render(<ArticleApp loadPacks={loadViewerPacks} />, document.getElementById('app')!);
