import { render } from 'preact';
import { Root } from './app.js';
import { createHttpClient } from './shared/http-client.js';
import './styles.css';

// The desktop preload defines window.scholia; browser mode brings its own client.
if (!('scholia' in window) || !window.scholia) {
  (window as { scholia: Window['scholia'] }).scholia = createHttpClient();
}

render(<Root />, document.getElementById('app')!);
