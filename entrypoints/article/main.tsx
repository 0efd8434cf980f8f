import { render } from 'preact';
import { askBackground } from '@/lib/messages/send';
import { ArticleApp } from './ArticleViewer';
import './style.css';

render(<ArticleApp loadArticle={(id) => askBackground({ type: 'get-article', id })} />, document.getElementById('app')!);
